package io.portcullis.ca.profile;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static io.portcullis.ca.issuance.TestCsrs.email;
import static io.portcullis.ca.issuance.TestCsrs.ip;
import static io.portcullis.ca.issuance.TestCsrs.uri;
import static io.portcullis.ca.profile.ProfileFixtures.NOW;
import static io.portcullis.ca.profile.ProfileFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.issuance.TestCsrs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    /** Only the subject rule runs (it always does in these tests). */
    private static final ProfileRule NOTHING = (input, draft) -> { };
    private static final Set<Integer> DNS_IP_EMAIL = Set.of(GeneralName.dNSName, GeneralName.iPAddress, GeneralName.rfc822Name);

    private static DraftBuilder run(ProfileRule rule, ProfileInput input) {
        DraftBuilder draft = new DraftBuilder(input.csr().publicKey());
        SubjectRule.copyFromCsrAllowingEmpty().apply(input, draft);
        // A placeholder period so rules other than ValidityRule yield a buildable draft.
        draft.validity(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        rule.apply(input, draft);
        return draft;
    }

    private static CertificateDraft draftOf(ProfileRule rule, ProfileInput input) {
        return run(rule, input).build();
    }

    private static void assertRefused(Runnable action, String slug, String detailFragment) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(PortcullisException.class, e -> {
            assertThat(e.type()).isEqualTo(slug);
            assertThat(e.detail()).contains(detailFragment);
        });
    }

    @Test
    void validityDefaultsWhenNothingRequestedAndIsBackdatedOneMinute() {
        CertificateDraft draft = draftOf(new ValidityRule(Duration.ofDays(365), Duration.ofDays(730)), input(TestCsrs.ec("CN=a", dns("a.example"))));

        assertThat(draft.notBefore()).isEqualTo(NOW.minus(Duration.ofMinutes(1)));
        assertThat(Duration.between(draft.notBefore(), draft.notAfter()).plusSeconds(1)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void validityHonoursARequestUpToTheMaximum() {
        CertificateDraft draft = draftOf(new ValidityRule(Duration.ofDays(365), Duration.ofDays(730)),
                input(TestCsrs.ec("CN=a"), Optional.of(Duration.ofDays(730))));

        assertThat(Duration.between(draft.notBefore(), draft.notAfter()).plusSeconds(1)).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void validityLongerThanTheMaximumIsRefused() {
        assertRefused(() -> run(new ValidityRule(Duration.ofDays(365), Duration.ofDays(730)),
                input(TestCsrs.ec("CN=a"), Optional.of(Duration.ofDays(731)))), "validity-too-long", "731 days");
    }

    @Test
    void zeroOrNegativeValidityIsRefused() {
        assertRefused(() -> run(new ValidityRule(Duration.ofDays(1), Duration.ofDays(2)),
                input(TestCsrs.ec("CN=a"), Optional.of(Duration.ZERO))), "invalid-validity", "at least one second");
    }

    @Test
    void validityIsClampedToIssuerNotAfter() {
        X509CertificateHolder issuer = TestHierarchy.DEFAULT.issuing().certificate();
        Instant nearIssuerExpiry = issuer.getNotAfter().toInstant().minus(Duration.ofDays(10));

        CertificateDraft draft = draftOf(new ValidityRule(Duration.ofDays(365), Duration.ofDays(730)),
                input(TestCsrs.ec("CN=a"), nearIssuerExpiry, Optional.empty(), issuer));

        assertThat(draft.notAfter()).isEqualTo(issuer.getNotAfter().toInstant());
    }

    @Test
    void notBeforeIsNeverBeforeTheIssuersNotBefore() {
        CertificateDraft draft = draftOf(new ValidityRule(Duration.ofDays(1), Duration.ofDays(2)),
                input(TestCsrs.ec("CN=a"), TestHierarchy.CREATED, Optional.empty(), TestHierarchy.DEFAULT.issuing().certificate()));

        assertThat(draft.notBefore()).isEqualTo(TestHierarchy.CREATED);
    }

    @Test
    void anExpiredIssuerIsAnInternalError() {
        X509CertificateHolder issuer = TestHierarchy.DEFAULT.issuing().certificate();
        assertThatThrownBy(() -> run(new ValidityRule(Duration.ofDays(1), Duration.ofDays(2)),
                input(TestCsrs.ec("CN=a"), issuer.getNotAfter().toInstant().plusSeconds(1), Optional.empty(), issuer)))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("issuer-expired");
                    assertThat(e.kind()).isEqualTo(ProblemKind.INTERNAL);
                });
    }

    @Test
    void sanRuleCopiesAllowedNamesNonCriticalWhenSubjectPresent() {
        CertificateDraft draft = draftOf(new SanRule(DNS_IP_EMAIL, true),
                input(TestCsrs.ec("CN=gw", dns("gw.example"), ip("2001:db8::1"), email("ops@example.org"), dns("gw.example"))));

        Extension san = ProfileFixtures.extension(draft, Extension.subjectAlternativeName);
        assertThat(san.isCritical()).isFalse();
        assertThat(GeneralNames.getInstance(san.getParsedValue()).getNames())
                .as("duplicates are dropped").containsExactly(dns("gw.example"), ip("2001:db8::1"), email("ops@example.org"));
    }

    @Test
    void sanIsCriticalWhenSubjectIsEmpty() {
        CertificateDraft draft = draftOf(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("", dns("gw.example"))));

        assertThat(draft.subject().getRDNs()).isEmpty();
        assertThat(ProfileFixtures.extension(draft, Extension.subjectAlternativeName).isCritical()).isTrue();
    }

    @Test
    void sanRuleRefusesDisallowedTypesNamingThem() {
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a", dns("a.example"), uri("https://a.example")))),
                "san-not-allowed", "URI");
        GeneralName otherName = new GeneralName(GeneralName.otherName,
                new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"),
                    new org.bouncycastle.asn1.DERTaggedObject(true, 0, new DERUTF8String("u@example"))}));
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a", otherName))), "san-not-allowed", "otherName");
    }

    @Test
    void sanRequiredWhenProfileSaysSoOrSubjectIsEmpty() {
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a"))), "san-required", "DNS");
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, false), input(TestCsrs.ec(""))), "san-required", "at least one");
    }

    @Test
    void sanSyntaxIsChecked() {
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a", dns("*.example.org")))), "invalid-san", "wildcard");
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a", dns("bad_host.example")))), "invalid-san", "not a valid host name");
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a", email("no-at-sign")))), "invalid-san", "local@domain");
        assertRefused(() -> run(new SanRule(DNS_IP_EMAIL, true), input(TestCsrs.ec("CN=a", ip("10.0.0.0/8")))), "invalid-san", "4 or 16 octets");
    }

    @Test
    void subjectRuleRefusesUnknownAttributesAndOverlongValues() {
        assertRefused(() -> run(NOTHING, input(TestCsrs.ec("CN=a,TelephoneNumber=123"))), "subject-attribute-not-allowed", "TelephoneNumber");
        assertRefused(() -> run(NOTHING, input(TestCsrs.ec("CN=" + "x".repeat(65)))), "invalid-subject", "1 to 64");
    }

    @Test
    void subjectRequiredRuleRefusesAnEmptySubject() {
        ProfileInput empty = input(TestCsrs.ec("", dns("a.example")));
        assertRefused(() -> SubjectRule.copyFromCsrRequired().apply(empty, new DraftBuilder(empty.csr().publicKey())),
                "subject-required", "non-empty");
    }

    @Test
    void subjectIsCopiedWithItsOriginalEncoding() throws Exception {
        PKCS10CertificationRequest csr = TestCsrs.ec("C=DE,O=Example,CN=gw1");
        CertificateDraft draft = draftOf(NOTHING, input(csr));

        assertThat(draft.subject().getEncoded()).isEqualTo(csr.getSubject().getEncoded());
        assertThat(draft.subject()).isEqualTo(new X500Name("C=DE,O=Example,CN=gw1"));
    }

    @Test
    void keyUsageAddsKeyEnciphermentOnlyForRsaKeys() {
        KeyUsageRule rule = new KeyUsageRule(KeyUsage.digitalSignature, KeyUsage.keyEncipherment);

        Extension ec = ProfileFixtures.extension(draftOf(rule, input(TestCsrs.ec("CN=a"))), Extension.keyUsage);
        Extension rsa = ProfileFixtures.extension(draftOf(rule, input(TestCsrs.rsa("CN=a"))), Extension.keyUsage);

        assertThat(ec.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(ec.getParsedValue())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
        assertThat(KeyUsage.getInstance(rsa.getParsedValue())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    }

    @Test
    void twoRulesAddingTheSameExtensionIsAProfileBug() {
        DraftBuilder draft = new DraftBuilder(TestCsrs.ec("CN=a").getSubjectPublicKeyInfo());
        draft.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));

        assertThatThrownBy(() -> draft.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("profile-misconfigured"));
    }
}

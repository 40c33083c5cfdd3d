package io.portcullis.ca.issuance;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.profile.CertificateDraft;
import io.portcullis.ca.profile.ProfileFixtures;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ca.signing.CaSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.junit.jupiter.api.Test;

class CertificateLinterTest {

    private static final BigInteger SERIAL = new BigInteger("123456789abcdef0123456789abcdef", 16);
    private final CaSigner issuing = TestHierarchy.issuingSigner();
    private final CertificateLinter linter = new CertificateLinter();
    private final CertificateDraft good = ProfileRegistry.standard().get("ike-gateway")
            .apply(ProfileFixtures.input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"))));

    @Test
    void everyStandardProfileProducesLintCleanCertificates() {
        for (String profile : List.of("ike-gateway", "tls-server")) {
            CertificateDraft draft = ProfileRegistry.standard().get(profile).apply(ProfileFixtures.input(TestCsrs.rsa("CN=h", dns("h.example"))));
            assertThatCode(() -> lint(draft, issuing)).as(profile).doesNotThrowAnyException();
        }
        CertificateDraft ocsp = ProfileRegistry.standard().get("ocsp-signer").apply(ProfileFixtures.input(TestCsrs.ec("CN=OCSP")));
        assertThatCode(() -> lint(ocsp, issuing)).doesNotThrowAnyException();
        CaSigner root = TestHierarchy.rootSigner();
        CertificateDraft subCa = ProfileRegistry.standard().get("sub-ca").apply(ProfileFixtures.input(TestCsrs.ec("CN=Sub CA"),
                ProfileFixtures.NOW, Optional.empty(), root.certificate()));
        assertThatCode(() -> lint(subCa, root)).doesNotThrowAnyException();
    }

    @Test
    void bootstrapIssuingCaCertificatePassesLintAgainstTheRoot() {
        X509CertificateHolder issuingCert = TestHierarchy.DEFAULT.issuing().certificate();
        assertThatCode(() -> linter.lint(issuingCert.toASN1Structure().getTBSCertificate(), TestHierarchy.DEFAULT.root().certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void emptySubjectWithoutCriticalSanFails() {
        CertificateDraft draft = new CertificateDraft(new X500Name(""), good.publicKey(), good.notBefore(), good.notAfter(), good.extensions());
        assertFinding(draft, issuing, "[san-rules]");
    }

    @Test
    void validityBeyondTheIssuerFails() {
        Instant late = TestHierarchy.DEFAULT.issuing().certificate().getNotAfter().toInstant().plusSeconds(1);
        assertFinding(withValidity(good.notBefore(), late), issuing, "[validity-within-issuer]");
    }

    @Test
    void notBeforeAfterNotAfterFails() {
        assertFinding(withValidity(good.notAfter(), good.notBefore()), issuing, "[validity-ordered]");
    }

    @Test
    void akiThatIsNotTheIssuerSkiFails() {
        assertFinding(replacing(good, Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(new byte[20])), issuing,
                "[aki-equals-issuer-ski]");
    }

    @Test
    void missingSkiFails() {
        assertFinding(without(good, Extension.subjectKeyIdentifier), issuing, "[ski-present]");
    }

    @Test
    void keyEnciphermentOnAnEcKeyFails() {
        assertFinding(replacing(good, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)),
                issuing, "[key-usage-fits-key-type]");
    }

    @Test
    void nonCriticalKeyUsageFails() {
        assertFinding(replacing(good, Extension.keyUsage, false, new KeyUsage(KeyUsage.digitalSignature)), issuing, "[key-usage-present-and-critical]");
    }

    @Test
    void ekuThatTheKeyUsageCannotServeFails() {
        CertificateDraft draft = replacing(good, Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation));
        draft = replacing(draft, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        assertFinding(draft, issuing, "[eku-consistent-with-ku]");
    }

    @Test
    void endEntityWithoutCrlDistributionPointFails() {
        assertFinding(without(good, Extension.cRLDistributionPoints), issuing, "[revocation-pointers]");
    }

    @Test
    void caCertificateUnderAPathLenZeroIssuerFails() {
        CertificateDraft subCa = ProfileRegistry.standard().get("sub-ca").apply(ProfileFixtures.input(TestCsrs.ec("CN=Sub CA")));
        assertFinding(subCa, issuing, "pathLenConstraint 0");
    }

    @Test
    void oversizedAndNegativeSerialsFail() {
        TBSCertificate big = new TbsCertificateAssembler().assemble(good, BigInteger.ONE.shiftLeft(160), issuing);
        TBSCertificate negative = new TbsCertificateAssembler().assemble(good, BigInteger.valueOf(-5), issuing);
        assertThatThrownBy(() -> linter.lint(big, issuing.certificate())).hasMessageContaining("[serial-positive-max-20-octets]");
        assertThatThrownBy(() -> linter.lint(negative, issuing.certificate())).hasMessageContaining("[serial-positive-max-20-octets]");
    }

    @Test
    void signatureAlgorithmThatTheIssuerKeyCannotProduceFails() {
        CaSigner lyingSigner = new CaSigner() {
            @Override public X509CertificateHolder certificate() { return issuing.certificate(); }
            @Override public List<X509CertificateHolder> chain() { return issuing.chain(); }
            @Override public AlgorithmIdentifier signatureAlgorithm() {
                return new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSA");
            }
            @Override public ContentSigner newContentSigner() { return issuing.newContentSigner(); }
        };
        assertFinding(good, lyingSigner, "[signature-algorithm-matches-issuer-key]");
    }

    @Test
    void allFindingsAreReportedTogether() {
        CertificateDraft draft = without(without(good, Extension.subjectKeyIdentifier), Extension.cRLDistributionPoints);
        assertThatThrownBy(() -> lint(draft, issuing)).hasMessageContaining("[ski-present]").hasMessageContaining("[revocation-pointers]");
    }

    private void lint(CertificateDraft draft, CaSigner signer) {
        linter.lint(new TbsCertificateAssembler().assemble(draft, SERIAL, signer), signer.certificate());
    }

    private void assertFinding(CertificateDraft draft, CaSigner signer, String finding) {
        assertThatThrownBy(() -> lint(draft, signer)).isInstanceOfSatisfying(PortcullisException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.INTERNAL);
            assertThat(e.type()).isEqualTo("lint-failed");
            assertThat(e.detail()).contains(finding);
        });
    }

    private CertificateDraft withValidity(Instant notBefore, Instant notAfter) {
        return new CertificateDraft(good.subject(), good.publicKey(), notBefore, notAfter, good.extensions());
    }

    private static CertificateDraft without(CertificateDraft draft, ASN1ObjectIdentifier oid) {
        List<Extension> extensions = new ArrayList<>(draft.extensions());
        extensions.removeIf(e -> e.getExtnId().equals(oid));
        return new CertificateDraft(draft.subject(), draft.publicKey(), draft.notBefore(), draft.notAfter(), extensions);
    }

    private static CertificateDraft replacing(CertificateDraft draft, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        List<Extension> extensions = new ArrayList<>(without(draft, oid).extensions());
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new CertificateDraft(draft.subject(), draft.publicKey(), draft.notBefore(), draft.notAfter(), extensions);
    }

}

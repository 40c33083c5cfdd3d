package io.portcullis.ca.profile;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static io.portcullis.ca.issuance.TestCsrs.email;
import static io.portcullis.ca.issuance.TestCsrs.ip;
import static io.portcullis.ca.issuance.TestCsrs.uri;
import static io.portcullis.ca.profile.ProfileFixtures.extension;
import static io.portcullis.ca.profile.ProfileFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.issuance.TestCsrs;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class StandardProfilesTest {

    private final ProfileRegistry registry = ProfileRegistry.standard();

    private CertificateDraft apply(String profile, ProfileInput input) {
        return registry.get(profile).apply(input);
    }

    @Test
    void registryListsTheStandardProfilesAndRefusesUnknownNamesListingValidOnes() {
        assertThat(registry.names()).containsExactly("ike-gateway", "ocsp-signer", "scep-ra", "sub-ca", "tls-server");
        assertThatThrownBy(() -> registry.get("code-signing")).isInstanceOfSatisfying(PortcullisException.class, e -> {
            assertThat(e.type()).isEqualTo("unknown-profile");
            assertThat(e.detail()).contains("code-signing").contains("ike-gateway, ocsp-signer, scep-ra, sub-ca, tls-server");
        });
        assertThatThrownBy(() -> registry.get(null)).isInstanceOf(PortcullisException.class);
    }

    @Test
    void ikeGatewayHasIkeServerAndClientEkuAndCriticalDigitalSignature() {
        CertificateDraft draft = apply("ike-gateway", input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"))));

        assertThat(ExtendedKeyUsage.getInstance(extension(draft, Extension.extendedKeyUsage).getParsedValue()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_ipsecIKE, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
        assertThat(extension(draft, Extension.keyUsage).isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(extension(draft, Extension.keyUsage).getParsedValue())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
        assertThat(BasicConstraints.getInstance(extension(draft, Extension.basicConstraints).getParsedValue()).isCA()).isFalse();
        assertThat(Duration.between(draft.notBefore(), draft.notAfter()).plusSeconds(1)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void ikeGatewayAddsKeyEnciphermentForRsaKeys() {
        CertificateDraft draft = apply("ike-gateway", input(TestCsrs.rsa("CN=gw1", dns("gw1.example.org"))));

        assertThat(KeyUsage.getInstance(extension(draft, Extension.keyUsage).getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    }

    @Test
    void ikeGatewayAcceptsDnsIpAndEmailSans() {
        CertificateDraft draft = apply("ike-gateway", input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"), ip("192.0.2.1"), email("vpn@example.org"))));

        assertThat(GeneralNames.getInstance(extension(draft, Extension.subjectAlternativeName).getParsedValue()).getNames()).hasSize(3);
    }

    @Test
    void ikeGatewayRefusesUriSan() {
        assertThatThrownBy(() -> apply("ike-gateway", input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"), uri("https://gw1.example.org")))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("san-not-allowed");
                    assertThat(e.detail()).contains("URI");
                });
    }

    @Test
    void ikeGatewayNeedsASanOnlyWhenTheSubjectIsEmpty() {
        assertThatThrownBy(() -> apply("ike-gateway", input(TestCsrs.ec(""))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("san-required"));
        // A gateway identified by its DN (IKE ID DER_ASN1_DN) gets a certificate without a SAN.
        CertificateDraft draft = apply("ike-gateway", input(TestCsrs.ec("CN=gw1,O=Example")));
        assertThat(draft.extensions()).noneMatch(e -> e.getExtnId().equals(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName));
    }

    @Test
    void ikeGatewayWithEmptySubjectGetsCriticalSan() {
        CertificateDraft draft = apply("ike-gateway", input(TestCsrs.ec("", ip("198.51.100.7"))));

        assertThat(draft.subject().getRDNs()).isEmpty();
        assertThat(extension(draft, Extension.subjectAlternativeName).isCritical()).isTrue();
    }

    @Test
    void ikeGatewayRefusesMoreThanTwoYears() {
        assertThatThrownBy(() -> apply("ike-gateway", input(TestCsrs.ec("CN=gw1", dns("gw1.example.org")), Optional.of(Duration.ofDays(731)))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("validity-too-long"));
    }

    @Test
    void ikeGatewayPointsToIssuingCaCrlOcspAndCertificate() {
        CertificateDraft draft = apply("ike-gateway", input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"))));

        assertThat(ProfileFixtures.crlUrl(draft)).isEqualTo("https://ca.example.test/pki/issuing-ca.crl");
        AccessDescription[] aia = AuthorityInformationAccess.getInstance(extension(draft, Extension.authorityInfoAccess).getParsedValue()).getAccessDescriptions();
        assertThat(aia).extracting(d -> d.getAccessLocation().getName().toString())
                .containsExactly("https://ca.example.test/ocsp", "https://ca.example.test/pki/issuing-ca.crt");
    }

    @Test
    void endEntityProfilesNameTheDeltaCrlInFreshestCrl() {
        for (String profile : new String[] {"ike-gateway", "tls-server"}) {
            CertificateDraft draft = apply(profile, input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"))));
            Extension freshest = extension(draft, Extension.freshestCRL);
            assertThat(freshest.isCritical()).isFalse();
            assertThat(org.bouncycastle.asn1.x509.CRLDistPoint.getInstance(freshest.getParsedValue()).getDistributionPoints()[0]
                    .getDistributionPoint().getName().toString()).contains("https://ca.example.test/pki/issuing-ca-delta.crl");
        }
    }

    @Test
    void requestedExtensionsOtherThanSanAreIgnored() throws Exception {
        ExtensionsGenerator requested = new ExtensionsGenerator();
        requested.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dns("gw1.example.org")));
        requested.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        requested.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
        PKCS10CertificationRequest sneaky = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=gw1"), TestCsrs.EC_P256.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, requested.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(TestCsrs.EC_P256.getPrivate()));

        CertificateDraft draft = apply("ike-gateway", input(sneaky));

        assertThat(BasicConstraints.getInstance(extension(draft, Extension.basicConstraints).getParsedValue()).isCA()).isFalse();
        assertThat(KeyUsage.getInstance(extension(draft, Extension.keyUsage).getParsedValue())).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
    }

    @Test
    void tlsServerAllowsOnlyDnsAndIpAndAtMost398Days() {
        CertificateDraft draft = apply("tls-server", input(TestCsrs.ec("CN=www", dns("www.example.org")), Optional.of(Duration.ofDays(398))));
        assertThat(ExtendedKeyUsage.getInstance(extension(draft, Extension.extendedKeyUsage).getParsedValue()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_serverAuth);

        assertThatThrownBy(() -> apply("tls-server", input(TestCsrs.ec("CN=www", dns("www.example.org")), Optional.of(Duration.ofDays(399)))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("validity-too-long"));
        assertThatThrownBy(() -> apply("tls-server", input(TestCsrs.ec("CN=www", email("a@example.org")))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("san-not-allowed"));
    }

    @Test
    void ocspSignerHasNoCheckOcspSigningEkuAndNoCdpOrOcspPointer() {
        CertificateDraft draft = apply("ocsp-signer", input(TestCsrs.ec("CN=Portcullis OCSP")));

        assertThat(extension(draft, OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)).isNotNull();
        assertThat(ExtendedKeyUsage.getInstance(extension(draft, Extension.extendedKeyUsage).getParsedValue()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_OCSPSigning);
        assertThat(extension(draft, Extension.cRLDistributionPoints)).isNull();
        assertThat(AuthorityInformationAccess.getInstance(extension(draft, Extension.authorityInfoAccess).getParsedValue()).getAccessDescriptions())
                .extracting(AccessDescription::getAccessMethod).containsExactly(AccessDescription.id_ad_caIssuers);
        assertThat(extension(draft, Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(extension(draft, Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(Duration.between(draft.notBefore(), draft.notAfter()).plusSeconds(1)).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> apply("ocsp-signer", input(TestCsrs.ec("CN=ocsp"), Optional.of(Duration.ofDays(31)))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("validity-too-long"));
    }

    @Test
    void subCaIsACaWithPathLenZeroAndCertSignUnderTheRoot() {
        ProfileInput input = input(TestCsrs.ec("CN=Second Issuing CA,O=Portcullis"), ProfileFixtures.NOW, Optional.empty(),
                TestHierarchy.DEFAULT.root().certificate());

        CertificateDraft draft = apply("sub-ca", input);

        BasicConstraints bc = BasicConstraints.getInstance(extension(draft, Extension.basicConstraints).getParsedValue());
        assertThat(bc.isCA()).isTrue();
        assertThat(bc.getPathLenConstraint().intValue()).isZero();
        assertThat(KeyUsage.getInstance(extension(draft, Extension.keyUsage).getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(ProfileFixtures.crlUrl(draft)).isEqualTo("https://ca.example.test/pki/root-ca.crl");
        assertThatThrownBy(() -> apply("sub-ca", input(TestCsrs.ec("CN=x"), Optional.of(Duration.ofDays(5 * 365 + 2)))))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("validity-too-long"));
    }
}

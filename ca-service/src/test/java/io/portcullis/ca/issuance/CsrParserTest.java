package io.portcullis.ca.issuance;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static io.portcullis.ca.issuance.TestCsrs.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.keys.PemCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class CsrParserTest {

    private final CsrParser parser = new CsrParser();
    private final PKCS10CertificationRequest ecCsr = TestCsrs.ec("CN=gw1.example.org,O=Example", dns("gw1.example.org"), ip("192.0.2.10"));

    @Test
    void parsesPemAndReadsSubjectKeyAndSans() {
        CsrDetails details = parser.parse(PemCodec.toPem(ecCsr));

        assertThat(details.subject()).isEqualTo(new X500Name("CN=gw1.example.org,O=Example"));
        assertThat(details.publicKey()).isEqualTo(ecCsr.getSubjectPublicKeyInfo());
        assertThat(details.subjectAltNames()).containsExactly(dns("gw1.example.org"), ip("192.0.2.10"));
    }

    @Test
    void parsesRsaCsrWithoutSans() {
        CsrDetails details = parser.parse(PemCodec.toPem(TestCsrs.rsa("CN=rsa peer")));

        assertThat(details.subjectAltNames()).isEmpty();
    }

    @Test
    void acceptsNewCertificateRequestLabelAndExplanatoryText() throws Exception {
        String body = Base64.getMimeEncoder().encodeToString(ecCsr.getEncoded());
        String pem = "Certificate Request:\n  Data: ...\n-----BEGIN NEW CERTIFICATE REQUEST-----\n" + body
                + "\n-----END NEW CERTIFICATE REQUEST-----\ntrailing notes\n";

        assertThat(parser.parse(pem).subject()).isEqualTo(ecCsr.getSubject());
    }

    @Test
    void acceptsBareBase64AndBase64Url() throws Exception {
        byte[] der = ecCsr.getEncoded();

        assertThat(parser.parse(Base64.getEncoder().encodeToString(der)).subject()).isEqualTo(ecCsr.getSubject());
        assertThat(parser.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(der)).subject()).isEqualTo(ecCsr.getSubject());
        assertThat(parser.parseDer(der).subject()).isEqualTo(ecCsr.getSubject());
    }

    @Test
    void emptyInputIsMalformed() {
        assertMalformed("", "empty");
        assertMalformed("  \n ", "empty");
        assertMalformed(null, "empty");
    }

    @Test
    void inputOver64KiBIsMalformed() {
        assertMalformed("A".repeat(64 * 1024 + 1), "64 KiB");
    }

    @Test
    void textThatIsNeitherPemNorBase64IsMalformed() {
        assertMalformed("hello, world!", "neither PEM nor base64");
    }

    @Test
    void badBase64IsMalformed() {
        assertMalformed("QUJD=RA", "invalid base64");
        assertMalformed("ab+c-d", "mixes");
    }

    @Test
    void truncatedDerIsMalformed() throws Exception {
        byte[] der = ecCsr.getEncoded();
        assertMalformed(Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length - 10)), "truncated DER");
    }

    @Test
    void trailingGarbageIsMalformed() throws Exception {
        byte[] der = ecCsr.getEncoded();
        byte[] padded = Arrays.copyOf(der, der.length + 3);
        assertMalformed(Base64.getEncoder().encodeToString(padded), "trailing data: 3 bytes");
    }

    @Test
    void indefiniteLengthBerIsMalformed() {
        assertMalformed(Base64.getEncoder().encodeToString(new byte[] {0x30, (byte) 0x80, 0x00, 0x00}), "indefinite length");
    }

    @Test
    void deeplyNestedDerIsMalformedNotAStackOverflow() {
        byte[] nested = new byte[40_000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }
        assertMalformed(Base64.getEncoder().encodeToString(nested), "not valid DER");
    }

    @Test
    void aCertificateIsNotAPkcs10Request() throws Exception {
        assertMalformed(Base64.getEncoder().encodeToString(TestHierarchy.DEFAULT.root().certificate().getEncoded()), "not a PKCS#10");
    }

    @Test
    void otherPemLabelsAndMultipleBlocksAreMalformed() {
        assertMalformed(PemCodec.toPem(TestHierarchy.DEFAULT.root().certificate()), "expected 'CERTIFICATE REQUEST'");
        assertMalformed(PemCodec.toPem(ecCsr) + PemCodec.toPem(ecCsr), "more than one PEM block");
        assertMalformed(PemCodec.toPem(ecCsr).replace("-----END CERTIFICATE REQUEST-----", ""), "truncated?");
    }

    @Test
    void emptyRequestedSanIsMalformed() throws Exception {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, new DERSequence());
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), TestCsrs.EC_P256.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(TestCsrs.EC_P256.getPrivate()));

        assertMalformed(PemCodec.toPem(csr), "subjectAltName is empty");
    }

    @Test
    void tamperedSubjectFailsProofOfPossession() throws Exception {
        CertificationRequest original = ecCsr.toASN1Structure();
        CertificationRequestInfo info = original.getCertificationRequestInfo();
        CertificationRequestInfo forged = new CertificationRequestInfo(new X500Name("CN=someone-else"),
                info.getSubjectPublicKeyInfo(), info.getAttributes());
        PKCS10CertificationRequest tampered = new PKCS10CertificationRequest(
                new CertificationRequest(forged, original.getSignatureAlgorithm(), original.getSignature()));

        assertThatThrownBy(() -> parser.parse(PemCodec.toPem(tampered)))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("csr-signature-invalid"));
    }

    @Test
    void sha1SignedCsrIsRefusedAsUnsupportedSignatureAlgorithm() {
        PKCS10CertificationRequest sha1 = TestCsrs.build(TestCsrs.RSA_2048, "SHA1withRSA", new X500Name("CN=old"));

        assertThatThrownBy(() -> parser.parse(PemCodec.toPem(sha1)))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("unsupported-csr-signature-algorithm");
                    assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
                });
    }

    @Test
    void rsaPssSignedCsrIsAccepted() {
        PKCS10CertificationRequest pss = TestCsrs.build(TestCsrs.RSA_2048, "SHA256withRSAandMGF1", new X500Name("CN=pss"));

        assertThat(parser.parse(PemCodec.toPem(pss)).subject()).isEqualTo(new X500Name("CN=pss"));
    }

    @Test
    void randomBytesAndTruncatedPrefixesOnlyEverRaisePortcullisException() throws Exception {
        Random random = new Random(20260115);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length > 0) {
                bytes[0] = 0x30; // start like a SEQUENCE to get past the first check more often
            }
            assertOnlyPortcullisException(bytes);
            assertOnlyPortcullisException(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        for (PKCS10CertificationRequest csr : new PKCS10CertificationRequest[] {ecCsr, TestCsrs.rsa("CN=r", dns("r.example"))}) {
            byte[] der = csr.getEncoded();
            String pem = PemCodec.toPem(csr);
            for (int length = 0; length < der.length; length++) {
                assertOnlyPortcullisException(Arrays.copyOf(der, length));
                byte[] flipped = der.clone();
                flipped[length] ^= (byte) (1 << random.nextInt(8));
                assertOnlyPortcullisExceptionOrSuccess(flipped);
            }
            for (int length = 0; length < pem.length(); length += 7) {
                assertOnlyPortcullisExceptionOrSuccess(pem.substring(0, length));
            }
        }
    }

    private void assertOnlyPortcullisException(byte[] der) {
        assertThatThrownBy(() -> parser.parseDer(der)).isInstanceOf(PortcullisException.class);
    }

    private void assertOnlyPortcullisException(String text) {
        assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(PortcullisException.class);
    }

    /** A bit flip inside a parameter or a cut at the END line may still leave a valid CSR. */
    private void assertOnlyPortcullisExceptionOrSuccess(Object input) {
        try {
            if (input instanceof byte[]) {
                parser.parseDer((byte[]) input);
            } else {
                parser.parse((String) input);
            }
        } catch (PortcullisException expected) {
            assertThat(expected.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        }
    }

    private void assertMalformed(String input, String detailFragment) {
        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
                    assertThat(e.type()).isEqualTo("malformed-csr");
                    assertThat(e.detail()).contains(detailFragment);
                });
    }

}

package io.portcullis.ca.issuance;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static io.portcullis.ca.issuance.TestCsrs.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ca.hierarchy.CaHierarchyFactory;
import io.portcullis.ca.hierarchy.CaHierarchySpec;
import io.portcullis.ca.hierarchy.GeneratedHierarchy;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.profile.CertificateDraft;
import io.portcullis.ca.profile.ProfileInput;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every step of issuance, in pipeline order, on a freshly generated hierarchy, checked by the
 * JDK's PKIX validator and by OpenSSL (software nobody here wrote). Uses the real clock because
 * {@code openssl verify} checks validity against the machine's time.
 */
class EndToEndIssuanceTest {

    private static final Path OUT = Path.of(System.getProperty("basedir", "."), "target", "openssl-check");
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final PkiUrls URLS = PkiUrls.forPublicBase("http://ca.portcullis.test:8080");

    private static GeneratedHierarchy hierarchy;
    private static CaSigner issuing;

    @BeforeAll
    static void bootstrapCa() {
        hierarchy = new CaHierarchyFactory(CLOCK, RANDOM).create(CaHierarchySpec.defaults(URLS));
        issuing = new SoftwareCaSigner(hierarchy.issuing().keyPair().getPrivate(), hierarchy.issuingChain(), RANDOM);
    }

    @Test
    void ecGatewayCertificateValidatesWithJdkPkixAndOpenssl() throws Exception {
        X509CertificateHolder leaf = issue(TestCsrs.ec("CN=gw1.example.org,O=Example", dns("gw1.example.org"), ip("192.0.2.10")));

        pkixValidate(leaf);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("root.pem"), PemCodec.toPem(hierarchy.root().certificate()));
        Files.writeString(OUT.resolve("issuing.pem"), PemCodec.toPem(hierarchy.issuing().certificate()));
        Files.writeString(OUT.resolve("leaf.pem"), PemCodec.toPem(leaf));

        assertOpensslVerifies("leaf.pem");
        String text = openssl("x509", "-in", OUT.resolve("leaf.pem").toString(), "-noout", "-text");
        // OpenSSL 3.0 prints the long name of NID_ipsec_IKE; other versions print "IPSec IKE" or the OID.
        assertThat(text).containsAnyOf("IPSec IKE", "ipsec Internet Key Exchange", "1.3.6.1.5.5.7.3.17");
        assertThat(text).contains("TLS Web Server Authentication", "TLS Web Client Authentication", "Digital Signature",
                "DNS:gw1.example.org", "IP Address:192.0.2.10", "CA:FALSE",
                "URI:http://ca.portcullis.test:8080/pki/issuing-ca.crl", "OCSP - URI:http://ca.portcullis.test:8080/ocsp");
        assertThat(text).doesNotContain("Key Encipherment");
    }

    @Test
    void rsaGatewayCertificateValidatesAndCarriesKeyEncipherment() throws Exception {
        X509CertificateHolder leaf = issue(TestCsrs.rsa("CN=gw2.example.org", dns("gw2.example.org")));

        pkixValidate(leaf);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("root.pem"), PemCodec.toPem(hierarchy.root().certificate()));
        Files.writeString(OUT.resolve("issuing.pem"), PemCodec.toPem(hierarchy.issuing().certificate()));
        Files.writeString(OUT.resolve("leaf-rsa.pem"), PemCodec.toPem(leaf));

        assertOpensslVerifies("leaf-rsa.pem");
        assertThat(openssl("x509", "-in", OUT.resolve("leaf-rsa.pem").toString(), "-noout", "-text"))
                .contains("Digital Signature, Key Encipherment", "DNS:gw2.example.org");
    }

    private static X509CertificateHolder issue(PKCS10CertificationRequest csr) {
        Instant now = CLOCK.instant();
        CsrDetails details = new CsrParser().parse(PemCodec.toPem(csr));
        new KeyPolicy().check(details.publicKey());
        CertificateDraft draft = ProfileRegistry.standard().get("ike-gateway")
                .apply(new ProfileInput(details, now, Optional.empty(), issuing.certificate(), URLS));
        TBSCertificate tbs = new TbsCertificateAssembler().assemble(draft, new SerialNumberGenerator(RANDOM).next(), issuing);
        new CertificateLinter().lint(tbs, issuing.certificate());
        return new CertificateSigningStep().sign(tbs, issuing);
    }

    private static void pkixValidate(X509CertificateHolder leaf) throws Exception {
        X509Certificate root = PemCodec.toJca(hierarchy.root().certificate());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false); // the CRL/OCSP endpoints are served on main
        parameters.setDate(Date.from(CLOCK.instant()));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(
                List.of(PemCodec.toJca(leaf), PemCodec.toJca(hierarchy.issuing().certificate()))), parameters);
    }

    private static void assertOpensslVerifies(String leafFile) throws Exception {
        String output = openssl("verify", "-CAfile", OUT.resolve("root.pem").toString(),
                "-untrusted", OUT.resolve("issuing.pem").toString(), OUT.resolve(leafFile).toString());
        assertThat(output).contains(leafFile + ": OK");
    }

    /** Runs OpenSSL; a missing binary fails the test, it never skips it. */
    private static String openssl(String... arguments) throws IOException, InterruptedException {
        assertThat(OPENSSL).as("OpenSSL is required for the interoperability check").isExecutable();
        List<String> command = new java.util.ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(process.exitValue()).as("openssl %s exit status; output:%n%s", arguments[0], output).isZero();
        return output;
    }
}

package io.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates issued by the packaged server, requested and checked with the real openssl client. */
class OpensslInteropE2ETest {

    @TempDir
    static Path tmp;
    static PackagedServer server;
    static String token;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        server = PackagedServer.start(tmp.resolve("data"), Map.of("PORTCULLIS_ADMIN_PASSWORD", "e2e-admin-password",
                "PORTCULLIS_PUBLIC_URL", "http://pki.example.net"));
        token = server.login("admin", "e2e-admin-password");
        work = Files.createDirectories(tmp.resolve("work"));
        Files.write(work.resolve("root.der"), server.getBytes("/pki/root-ca.crt"));
        Files.write(work.resolve("issuing.der"), server.getBytes("/pki/issuing-ca.crt"));
        Openssl.ok(work, "x509", "-inform", "der", "-in", "root.der", "-out", "root.pem");
        Openssl.ok(work, "x509", "-inform", "der", "-in", "issuing.der", "-out", "issuing.pem");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({ "ec-p256,ec,ec_paramgen_curve:P-256", "ec-p384,ec,ec_paramgen_curve:P-384",
            "rsa-2048,rsa,rsa_keygen_bits:2048", "rsa-3072,rsa,rsa_keygen_bits:3072" })
    void opensslVerifiesAnIkeGatewayCertificate(String name, String algorithm, String option) throws Exception {
        String host = name + ".gw.example.net";
        Openssl.ok(work, "req", "-new", "-newkey", algorithm, "-pkeyopt", option, "-nodes", "-keyout", name + ".key",
                "-subj", "/CN=" + host + "/O=Example", "-addext", "subjectAltName=DNS:" + host + ",IP:192.0.2.10",
                "-out", name + ".csr");
        JsonNode issued = server.json("POST", "/api/v1/certificates", token,
                Map.of("csr", Files.readString(work.resolve(name + ".csr")), "profile", "ike-gateway"), 201);
        Files.writeString(work.resolve(name + ".pem"), issued.get("certificate").asText());

        assertThat(Openssl.ok(work, "verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", name + ".pem"))
                .contains(name + ".pem: OK");
        String text = Openssl.ok(work, "x509", "-in", name + ".pem", "-noout", "-text");
        assertThat(text)
                .contains("TLS Web Server Authentication", "TLS Web Client Authentication")
                .containsAnyOf("ipsec Internet Key Exchange", "1.3.6.1.5.5.7.3.17")
                .contains("Digital Signature")
                .contains("DNS:" + host, "IP Address:192.0.2.10")
                .contains("URI:http://pki.example.net/pki/issuing-ca.crl")
                .contains("OCSP - URI:http://pki.example.net/ocsp")
                .contains("CA Issuers - URI:http://pki.example.net/pki/issuing-ca.crt");
        if (algorithm.equals("rsa")) {
            assertThat(text).contains("Key Encipherment");
        } else {
            assertThat(text).doesNotContain("Key Encipherment");
        }
        // The key the certificate carries is the one openssl generated.
        assertThat(Openssl.ok(work, "x509", "-in", name + ".pem", "-noout", "-pubkey"))
                .isEqualTo(Openssl.ok(work, "pkey", "-in", name + ".key", "-pubout"));
    }

    @Test
    void opensslSeesTheIssuingCaAsPathLenZeroUnderTheRoot() throws Exception {
        assertThat(Openssl.ok(work, "verify", "-CAfile", "root.pem", "issuing.pem")).contains("issuing.pem: OK");
        String text = Openssl.ok(work, "x509", "-in", "issuing.pem", "-noout", "-text");
        assertThat(text).contains("CA:TRUE, pathlen:0").contains("Certificate Sign, CRL Sign").contains("ASN1 OID: prime256v1");
        assertThat(Openssl.ok(work, "x509", "-in", "root.pem", "-noout", "-text")).contains("ASN1 OID: secp384r1");
    }

    @Test
    void opensslGeneratedCsrWithForbiddenSanIsRefused() throws Exception {
        Openssl.ok(work, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "uri.key",
                "-subj", "/CN=uri.example.net", "-addext", "subjectAltName=URI:https://uri.example.net/", "-out", "uri.csr");
        JsonNode problem = server.json("POST", "/api/v1/certificates", token,
                Map.of("csr", Files.readString(work.resolve("uri.csr")), "profile", "ike-gateway"), 400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:portcullis:problem:san-not-allowed");
    }
}

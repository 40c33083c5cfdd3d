package io.portcullis.e2e.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.Openssl;
import io.portcullis.e2e.PackagedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes sharing one database (the H2 file database in server mode, as two instances
 * on one data directory run it): a revocation made through one is answered by the other's OCSP
 * responder within its re-check interval, and both serve the same CRLs from the one writer.
 */
class SharedDatabaseRevocationE2ETest {

    private static final String PASSWORD = "e2e-admin-password";
    private static final long RECHECK_MILLIS = 2_000;

    @TempDir
    Path tmp;

    @Test
    void revocationThroughOneInstanceReachesTheOtherInstancesOcspAndCrl() throws Exception {
        Path data = tmp.resolve("shared");
        Map<String, String> env = Map.of("PORTCULLIS_ADMIN_PASSWORD", PASSWORD, "PORTCULLIS_CRL_REISSUE_DELAY", "PT0.2S",
                "PORTCULLIS_OCSP_RECHECK_AFTER", "PT" + RECHECK_MILLIS / 1000 + "S");
        Path work = Files.createDirectories(tmp.resolve("work"));
        try (PackagedServer a = PackagedServer.start(data, env); PackagedServer b = PackagedServer.start(data, env)) {
            Files.write(work.resolve("root.der"), a.getBytes("/pki/root-ca.crt"));
            Files.write(work.resolve("issuing.der"), a.getBytes("/pki/issuing-ca.crt"));
            Openssl.ok(work, "x509", "-inform", "der", "-in", "root.der", "-out", "root.pem");
            Openssl.ok(work, "x509", "-inform", "der", "-in", "issuing.der", "-out", "issuing.pem");
            String token = a.login("admin", PASSWORD);
            Openssl.ok(work, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "gw.key",
                    "-subj", "/CN=shared-ocsp.example.net", "-addext", "subjectAltName=DNS:shared-ocsp.example.net", "-out", "gw.csr");
            JsonNode issued = a.json("POST", "/api/v1/certificates", token,
                    Map.of("csr", Files.readString(work.resolve("gw.csr")), "profile", "ike-gateway"), 201);
            Files.writeString(work.resolve("gw.pem"), issued.get("certificate").asText());
            String serial = issued.get("serial").asText();

            // B answers (and caches) "good" before the revocation made through A.
            assertThat(ocsp(work, b)).contains("Response verify OK").contains("gw.pem: good");
            a.json("POST", "/api/v1/certificates/" + serial + "/revoke", token, Map.of("reason", "keyCompromise"), 200);
            long revokedAt = System.nanoTime();
            String answer = ocsp(work, b);
            while (!answer.contains("gw.pem: revoked")) {
                assertThat((System.nanoTime() - revokedAt) / 1_000_000)
                        .as("B still answers from a stale cache: %s", answer).isLessThan(RECHECK_MILLIS + 3_000);
                Thread.sleep(200);
                answer = ocsp(work, b);
            }
            assertThat(answer).contains("Response verify OK").contains("Reason: keyCompromise");

            // One CRL writer: both instances serve the same latest CRL, which lists the serial.
            String crlA = awaitCrlListing(work, a, "a", serial);
            String crlB = awaitCrlListing(work, b, "b", serial);
            assertThat(crlNumber(crlB)).isEqualTo(crlNumber(crlA));

            // Every CRL either instance issued has its own number.
            JsonNode entries = b.json("GET", "/api/v1/audit?action=crl.issued&size=200", b.login("admin", PASSWORD), null, 200).get("items");
            Set<String> targets = new HashSet<>();
            for (JsonNode entry : entries) {
                assertThat(targets.add(entry.get("target").asText())).as("CRL issued twice: %s", entry.get("target").asText()).isTrue();
            }
            assertThat(targets).isNotEmpty();
        }
    }

    private static String ocsp(Path work, PackagedServer server) throws Exception {
        return Openssl.ok(work, "ocsp", "-issuer", "issuing.pem", "-cert", "gw.pem", "-url", server.url("/ocsp"), "-CAfile", "root.pem");
    }

    private static String awaitCrlListing(Path work, PackagedServer server, String name, String serial) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            Files.write(work.resolve(name + ".crl"), server.getBytes("/pki/issuing-ca.crl"));
            String text = Openssl.ok(work, "crl", "-inform", "der", "-in", name + ".crl", "-noout", "-text");
            if (text.toLowerCase().contains(serial.toLowerCase())) {
                return text;
            }
            assertThat(System.nanoTime()).as("CRL from %s never listed %s", name, serial).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String crlNumber(String crlText) {
        return crlText.lines().dropWhile(l -> !l.contains("X509v3 CRL Number")).skip(1).findFirst().orElseThrow().strip();
    }
}

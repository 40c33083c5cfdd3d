package io.portcullis.e2e.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.Openssl;
import io.portcullis.e2e.PackagedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP and CRLs of the packaged server checked by clients nobody here wrote: {@code openssl ocsp},
 * {@code openssl verify -crl_check [-use_deltas]} and strongSwan's {@code pki --verify --online},
 * each fetching from the URLs written into the certificate. The certificates' AIA names the server's dedicated
 * OCSP listener ({@code portcullis.ocsp.listener.port}, as a production setup would run it); the unknown-serial
 * check asks the main port's {@code /ocsp}, so real openssl speaks to both front ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationInteropE2ETest {

    @TempDir
    static Path tmp;
    static PackagedServer server;
    static String token;
    static Path work;
    static String listenerUrl;

    @BeforeAll
    static void start() throws Exception {
        int listenerPort = PackagedServer.freePort();
        listenerUrl = "http://127.0.0.1:" + listenerPort + "/ocsp";
        // SmallRye expands ${quarkus.http.port}, so the URLs in certificates name the port the server really uses.
        server = PackagedServer.start(tmp.resolve("data"), Map.of("PORTCULLIS_ADMIN_PASSWORD", "e2e-admin-password",
                "PORTCULLIS_PUBLIC_URL", "http://127.0.0.1:${quarkus.http.port}", "PORTCULLIS_CRL_REISSUE_DELAY", "PT0.2S",
                "PORTCULLIS_OCSP_LISTENER_PORT", Integer.toString(listenerPort), "PORTCULLIS_OCSP_LISTENER_HOST", "127.0.0.1",
                "PORTCULLIS_OCSP_URL", listenerUrl));
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

    static String issue(String name) throws Exception {
        Openssl.ok(work, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                "-subj", "/CN=" + name + ".example.net", "-addext", "subjectAltName=DNS:" + name + ".example.net", "-out", name + ".csr");
        JsonNode issued = server.json("POST", "/api/v1/certificates", token,
                Map.of("csr", Files.readString(work.resolve(name + ".csr")), "profile", "ike-gateway"), 201);
        Files.writeString(work.resolve(name + ".pem"), issued.get("certificate").asText());
        return issued.get("serial").asText();
    }

    static void revoke(String serial, String reason) throws Exception {
        server.json("POST", "/api/v1/certificates/" + serial + "/revoke", token, Map.of("reason", reason), 200);
    }

    static String ocsp(String certificate) throws Exception {
        String url = Openssl.ok(work, "x509", "-in", certificate, "-noout", "-ocsp_uri").strip();
        assertThat(url).as("AIA OCSP URL: the dedicated listener").isEqualTo(listenerUrl);
        return Openssl.ok(work, "ocsp", "-issuer", "issuing.pem", "-cert", certificate, "-url", url, "-CAfile", "root.pem");
    }

    /** Downloads the CRL named in the certificate's CDP (or its freshestCRL) and stores it as PEM. */
    static void downloadCrl(String certificate, String extension, String file) throws Exception {
        String text = Openssl.ok(work, "x509", "-in", certificate, "-noout", "-ext", extension);
        String url = text.lines().map(String::strip).filter(l -> l.startsWith("URI:")).findFirst().orElseThrow().substring(4);
        assertThat(url).startsWith(server.url("/pki/"));
        Files.write(work.resolve(file + ".der"), server.getBytes(url.substring(server.url("").length())));
        Openssl.ok(work, "crl", "-inform", "der", "-in", file + ".der", "-out", file + ".pem");
    }

    static Openssl.Result verify(String certificate, String... crls) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "-crl_check", "-CAfile", "root.pem", "-untrusted", "issuing.pem"));
        for (String crl : crls) {
            args.add("-CRLfile");
            args.add(crl);
        }
        args.add(certificate);
        return Openssl.run(work, args.toArray(new String[0]));
    }

    @Test
    @Order(1)
    void opensslOcspSaysGoodThenRevokedWithReasonRightAfterRevocation() throws Exception {
        String serial = issue("gw-ocsp");
        String good = ocsp("gw-ocsp.pem");
        assertThat(good).contains("Response verify OK").contains("gw-ocsp.pem: good");

        revoke(serial, "keyCompromise");
        String revoked = ocsp("gw-ocsp.pem");
        assertThat(revoked).contains("Response verify OK").contains("gw-ocsp.pem: revoked").contains("Reason: keyCompromise");
    }

    @Test
    @Order(2)
    void opensslOcspSaysUnknownForARandomSerial() throws Exception {
        String output = Openssl.ok(work, "ocsp", "-issuer", "issuing.pem", "-serial", "0x5eed1234567890abcdef1234567890ab",
                "-url", server.url("/ocsp"), "-CAfile", "root.pem");
        assertThat(output).contains("Response verify OK").contains(": unknown");
    }

    @Test
    @Order(3)
    void opensslCrlCheckRefusesARevokedCertificateAndAcceptsAGoodOne() throws Exception {
        issue("gw-crl-good");
        String serial = issue("gw-crl-revoked");
        downloadCrl("gw-crl-good.pem", "crlDistributionPoints", "before");
        assertThat(verify("gw-crl-good.pem", "before.pem").output()).contains("gw-crl-good.pem: OK");
        assertThat(verify("gw-crl-revoked.pem", "before.pem").output()).contains("gw-crl-revoked.pem: OK");

        revoke(serial, "superseded");
        Openssl.Result refused = awaitVerify("gw-crl-revoked.pem", "crlDistributionPoints");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("certificate revoked");
        assertThat(verify("gw-crl-good.pem", "after.pem").output()).contains("gw-crl-good.pem: OK");

        // The full CRL from before the revocation plus the delta CRL from freshestCRL: the delta carries the revocation.
        downloadCrl("gw-crl-revoked.pem", "freshestCRL", "delta");
        assertThat(verify("gw-crl-revoked.pem", "before.pem").exitCode()).isZero();
        List<String> deltaArgs = List.of("verify", "-crl_check", "-use_deltas", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-CRLfile", "before.pem", "-CRLfile", "delta.pem", "gw-crl-revoked.pem");
        Openssl.Result withDelta = Openssl.run(work, deltaArgs.toArray(new String[0]));
        assertThat(withDelta.exitCode()).as(withDelta.output()).isNotZero();
        assertThat(withDelta.output()).contains("certificate revoked");
        List<String> goodArgs = List.of("verify", "-crl_check", "-use_deltas", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-CRLfile", "before.pem", "-CRLfile", "delta.pem", "gw-crl-good.pem");
        assertThat(Openssl.run(work, goodArgs.toArray(new String[0])).output()).contains("gw-crl-good.pem: OK");
        assertThat(Openssl.ok(work, "crl", "-in", "delta.pem", "-noout", "-text")).contains("Delta CRL Indicator");
    }

    private static Openssl.Result awaitVerify(String certificate, String extension) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            downloadCrl(certificate, extension, "after");
            Openssl.Result result = verify(certificate, "after.pem");
            if (result.exitCode() != 0 || System.nanoTime() > deadline) {
                return result;
            }
            Thread.sleep(200);
        }
    }

    @Test
    @Order(4)
    void strongSwanPkiVerifyOnlineAgrees() throws Exception {
        issue("gw-pki-good");
        String serial = issue("gw-pki-revoked");
        revoke(serial, "keyCompromise");

        Result good = pki("--verify", "--in", "gw-pki-good.pem", "--cacert", "root.pem", "--cacert", "issuing.pem", "--online");
        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).contains("certificate trusted").contains("certificate status is good");
        Result revoked = pki("--verify", "--in", "gw-pki-revoked.pem", "--cacert", "root.pem", "--cacert", "issuing.pem", "--online");
        assertThat(revoked.exitCode()).as(revoked.output()).isNotZero();
        assertThat(revoked.output()).contains("certificate was revoked");
    }

    record Result(int exitCode, String output) {
    }

    /** strongSwan's pki tool; missing, it fails the test rather than skipping it. */
    static Result pki(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("pki");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pki timed out");
        }
        return new Result(process.exitValue(), output);
    }
}

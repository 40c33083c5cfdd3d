package io.portcullis.e2e.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.Openssl;
import io.portcullis.e2e.PackagedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment against the packaged server with clients nobody here wrote: strongSwan's
 * {@code pki --scepca/--scep} (SCEP, auto and manual approval) and the README's curl + openssl flow,
 * run verbatim. A missing tool fails the test, never skips it.
 */
class EnrollmentE2ETest {

    @TempDir
    static Path tmp;
    static PackagedServer server;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        // No admin password given: the README's flow reads the generated one from data/initial-admin-password.
        server = PackagedServer.start(tmp.resolve("data"), Map.of());
        token = server.login("admin", Files.readString(tmp.resolve("data").resolve("initial-admin-password")).strip());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Run(int exitCode, String output) {
    }

    static Run run(Path dir, List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    static Run pki(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("pki"));
        command.addAll(List.of(args));
        return run(dir, command, Map.of(), 120);
    }

    static String register(String name, String approval, List<String> subnets) throws Exception {
        JsonNode created = server.json("POST", "/api/v1/peers", token, Map.of("name", name,
                "identity", Map.of("type", "fqdn", "value", name + ".example.net"), "subnets", subnets, "approval", approval), 201);
        return created.get("enrollmentSecret").asText();
    }

    static Path scepCaCerts(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Run ca = pki(dir, "--scepca", "--url", server.url("/scep"), "--caout", "ca.crt", "--raout", "ra.crt", "--force");
        assertThat(ca.exitCode()).as(ca.output()).isZero();
        assertThat(ca.output()).contains("RA cert is trusted").contains("Portcullis SCEP RA");
        assertThat(dir.resolve("ca.crt")).exists();
        assertThat(dir.resolve("ca-1.crt")).exists();
        Run key = run(dir, List.of("sh", "-c", "pki --gen --type rsa --size 2048 --outform pem > key.pem"), Map.of(), 60);
        assertThat(key.exitCode()).as(key.output()).isZero();
        return dir;
    }

    static List<String> scepArgs(String name, String secret) {
        return List.of("pki", "--scep", "--url", server.url("/scep"), "--in", "key.pem", "--dn", "CN=" + name + ".example.net",
                "--san", name + ".example.net", "--password", secret, "--cacert-enc", "ra.crt", "--cacert-sig", "ra.crt",
                "--cacert", "ca.crt", "--cacert", "ca-1.crt", "--interval", "1", "--maxpolltime", "60", "--outform", "pem");
    }

    @Test
    void strongswanPkiEnrollsOverScepWithAutoApproval() throws Exception {
        String secret = register("sw-auto", "auto", List.of("203.0.113.0/24"));
        Path dir = scepCaCerts("sw-auto");
        List<String> command = new ArrayList<>(scepArgs("sw-auto", secret));
        Run scep = run(dir, List.of("sh", "-c", String.join(" ", command.stream().map(EnrollmentE2ETest::quote).toList()) + " > cert.pem"),
                Map.of(), 120);
        assertThat(scep.exitCode()).as(scep.output()).isZero();
        assertThat(scep.output()).contains("Issued certificate is trusted");
        String text = Openssl.ok(dir, "x509", "-in", "cert.pem", "-noout", "-text");
        assertThat(text).contains("DNS:sw-auto.example.net").contains("sbgp-ipAddrBlock: critical").contains("203.0.113.0/24");
        // OpenSSL checks RFC 3779 along the path: the CAs must delegate a superset of the peer's subnets.
        // pki --scepca stores DER; openssl wants one PEM file with both CAs.
        Files.writeString(dir.resolve("chain.pem"), Openssl.ok(dir, "x509", "-inform", "der", "-in", "ca.crt")
                + Openssl.ok(dir, "x509", "-inform", "der", "-in", "ca-1.crt"));
        assertThat(Openssl.ok(dir, "verify", "-CAfile", "chain.pem", "cert.pem")).contains("cert.pem: OK");

        // The same secret with a new key: strongSwan reports the SCEP failure (badRequest).
        assertThat(run(dir, List.of("sh", "-c", "pki --gen --type rsa --size 2048 --outform pem > key.pem"), Map.of(), 60).exitCode()).isZero();
        Run again = run(dir, List.of("sh", "-c", String.join(" ", scepArgs("sw-auto", secret).stream().map(EnrollmentE2ETest::quote).toList())
                + " > again.pem"), Map.of(), 120);
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).containsIgnoringCase("badRequest");
    }

    @Test
    void strongswanPkiPollsUntilAnOperatorApproves() throws Exception {
        String secret = register("sw-manual", "manual", List.of());
        Path dir = scepCaCerts("sw-manual");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                String.join(" ", scepArgs("sw-manual", secret).stream().map(EnrollmentE2ETest::quote).toList()) + " > cert.pem")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("pki.log").toFile());
        Process client = builder.start();
        try {
            String requestId = null;
            for (int i = 0; i < 60 && requestId == null; i++) {
                for (JsonNode r : server.json("GET", "/api/v1/enrollment-requests?status=pending", token, null, 200)) {
                    if (r.get("peerName").asText().equals("sw-manual")) {
                        requestId = r.get("id").asText();
                    }
                }
                Thread.sleep(500);
            }
            assertThat(requestId).as(Files.readString(dir.resolve("pki.log"))).isNotNull();
            server.json("POST", "/api/v1/enrollment-requests/" + requestId + "/approve", token, null, 200);
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            client.destroy();
        }
        String log = Files.readString(dir.resolve("pki.log"));
        assertThat(client.exitValue()).as(log).isZero();
        assertThat(log).contains("pending").contains("Issued certificate is trusted");
        assertThat(Openssl.ok(dir, "x509", "-in", "cert.pem", "-noout", "-subject")).contains("sw-manual.example.net");
    }

    @Test
    void readmeRestFlowWithCurlAndOpensslWorksVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf("<!-- enrollment-rest-example -->");
        assertThat(marker).as("README marker").isPositive();
        int start = readme.indexOf("```sh\n", marker) + "```sh\n".length();
        String script = readme.substring(start, readme.indexOf("```", start));
        Path work = tmp; // the README runs next to data/
        Files.writeString(work.resolve("readme-enrollment.sh"), "set -euo pipefail\n" + script);
        Run flow = run(work, List.of("bash", "readme-enrollment.sh"), Map.of("PORTCULLIS", server.url("")), 120);
        assertThat(flow.exitCode()).as(flow.output()).isZero();
        assertThat(flow.output()).contains("subject=CN = gw1.example.net").contains("DNS:gw1.example.net")
                .contains("198.51.100.0/24");

        String newCert = Files.readString(work.resolve("gw1-new.pem"));
        assertThat(newCert).startsWith("-----BEGIN CERTIFICATE-----");
        String oldSerial = Openssl.ok(work, "x509", "-in", "gw1.pem", "-noout", "-serial");
        String newSerial = Openssl.ok(work, "x509", "-in", "gw1-new.pem", "-noout", "-serial");
        assertThat(newSerial).isNotEqualTo(oldSerial);
        // The renewed certificate is for the new key.
        String newKey = Openssl.ok(work, "pkey", "-in", "gw1-new.key", "-pubout");
        String certKey = Openssl.ok(work, "x509", "-in", "gw1-new.pem", "-noout", "-pubkey");
        assertThat(certKey).isEqualTo(newKey);
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}

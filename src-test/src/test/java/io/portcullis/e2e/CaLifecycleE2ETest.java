package io.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server's first start, restarts and shared data directories, as an operator sees them. */
class CaLifecycleE2ETest {

    @TempDir
    Path tmp;

    @Test
    void firstStartGeneratesAdminPasswordIntoAPrivateFileAndLogsOnlyItsPath() throws Exception {
        Path data = tmp.resolve("data");
        try (PackagedServer server = PackagedServer.start(data, Map.of())) {
            Path passwordFile = data.resolve("initial-admin-password");
            assertThat(passwordFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keystore-password")))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            String log = server.logText();
            assertThat(log).contains(passwordFile.toString()).doesNotContain(password);
            assertThat(log).contains("http://localhost:" + server.port + "/api/v1");
            String token = server.login("admin", password);
            assertThat(token).isNotBlank();
            assertThat(log).doesNotContain(token);
        }
    }

    @Test
    void restartKeepsTheSameHierarchy() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, String> env = Map.of("PORTCULLIS_ADMIN_PASSWORD", "e2e-admin-password");
        byte[] rootBefore;
        byte[] issuingBefore;
        try (PackagedServer server = PackagedServer.start(data, env)) {
            rootBefore = server.getBytes("/pki/root-ca.crt");
            issuingBefore = server.getBytes("/pki/issuing-ca.crt");
        }
        try (PackagedServer server = PackagedServer.start(data, env)) {
            assertThat(server.getBytes("/pki/root-ca.crt")).isEqualTo(rootBefore);
            assertThat(server.getBytes("/pki/issuing-ca.crt")).isEqualTo(issuingBefore);
            String token = server.login("admin", "e2e-admin-password");
            JsonNode created = server.json("GET", "/api/v1/audit?action=ca.created", token, null, 200);
            assertThat(created.get("total").asInt()).isEqualTo(2);
            assertThat(server.logText()).contains("CA hierarchy found in the database");
        }
    }

    @Test
    void twoInstancesStartingTogetherOnOneDataDirectoryCreateOneHierarchy() throws Exception {
        Path data = tmp.resolve("shared");
        Map<String, String> env = Map.of("PORTCULLIS_ADMIN_PASSWORD", "e2e-admin-password");
        CompletableFuture<PackagedServer> a = CompletableFuture.supplyAsync(() -> startUnchecked(data, env));
        CompletableFuture<PackagedServer> b = CompletableFuture.supplyAsync(() -> startUnchecked(data, env));
        // Wait for both before asserting, so that one failing to start never leaks the other's process.
        CompletableFuture.allOf(a, b).exceptionally(failure -> null).join();
        if (a.isCompletedExceptionally() || b.isCompletedExceptionally()) {
            closeQuietly(a);
            closeQuietly(b);
        }
        try (PackagedServer first = a.join(); PackagedServer second = b.join()) {
            assertThat(first.getBytes("/pki/root-ca.crt")).isEqualTo(second.getBytes("/pki/root-ca.crt"));
            assertThat(first.getBytes("/pki/issuing-ca.crt")).isEqualTo(second.getBytes("/pki/issuing-ca.crt"));
            String token = second.login("admin", "e2e-admin-password");
            assertThat(second.json("GET", "/api/v1/audit?action=ca.created", token, null, 200).get("total").asInt()).isEqualTo(2);
            // A certificate issued through one instance is visible through the other.
            String tokenA = first.login("admin", "e2e-admin-password");
            Path work = Files.createDirectories(tmp.resolve("work"));
            Openssl.ok(work, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "k.pem", "-subj", "/CN=shared.example.net", "-addext", "subjectAltName=DNS:shared.example.net", "-out", "r.csr");
            String serial = first.json("POST", "/api/v1/certificates", tokenA,
                    Map.of("csr", Files.readString(work.resolve("r.csr")), "profile", "ike-gateway"), 201).get("serial").asText();
            assertThat(second.json("GET", "/api/v1/certificates/" + serial, token, null, 200).get("status").asText()).isEqualTo("valid");
        }
    }

    private static void closeQuietly(CompletableFuture<PackagedServer> server) {
        if (!server.isCompletedExceptionally()) {
            try {
                server.join().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PackagedServer startUnchecked(Path data, Map<String, String> env) {
        try {
            return PackagedServer.start(data, env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

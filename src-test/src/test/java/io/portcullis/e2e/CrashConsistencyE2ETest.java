package io.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.bench.CsrFactory;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server on its default embedded H2 database and on PostgreSQL, killed with SIGKILL (no shutdown hook,
 * nothing flushed) at random moments of a concurrent issuance burst and of a revocation burst, and
 * started again on the same data directory. After every restart each certificate a client received
 * is in the store byte for byte with its audit entry, no serial was issued twice, the audit chain
 * verifies, and every acknowledged revocation is in the store, in the next CRL (whose number keeps
 * increasing) and answered {@code revoked} by OCSP.
 */
class CrashConsistencyE2ETest {

    private static final String PASSWORD = "e2e-admin-password";
    private static final int CLIENTS = 8;
    /** Kills per burst kind: a few in the suite; bin/crash-test raises them for the figures in docs/reliability.md. */
    private static final int ISSUANCE_KILLS = Integer.getInteger("crash.issuance-kills", 3);
    private static final int REVOCATION_KILLS = Integer.getInteger("crash.revocation-kills", 2);
    private static final String[] REASONS = {"keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged"};

    @TempDir
    Path tmp;

    private final Map<String, String> received = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> revoked = new HashMap<>();
    private BigInteger lastCrlNumber = BigInteger.valueOf(-1);
    private byte[] lastCrl;
    /** Answers other than the acknowledgement: none is expected, the kill only cuts requests off. */
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

    /** The two databases the server runs on, each with the build of the server made for it. */
    enum Database {
        EMBEDDED_H2 {
            @Override
            Path jar() {
                return PackagedServer.jar();
            }

            @Override
            Map<String, String> env() {
                return Map.of();
            }
        },
        POSTGRESQL {
            @Override
            Path jar() {
                return PackagedServer.postgresJar();
            }

            @Override
            Map<String, String> env() throws Exception {
                // Only when asked on the command line (./bin/test -DskipPostgresTests), as for the API suite.
                Assumptions.assumeFalse(Boolean.getBoolean("skipPostgresTests"), "-DskipPostgresTests given");
                String name = "crash_" + Long.toHexString(System.nanoTime());
                Process createdb = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v",
                        "ON_ERROR_STOP=1", "-c", "create database " + name).redirectErrorStream(true).start();
                String output = new String(createdb.getInputStream().readAllBytes());
                if (createdb.waitFor() != 0) {
                    throw new IllegalStateException("cannot create a PostgreSQL database on 127.0.0.1:5432 (bin/ensure-postgres starts one): " + output);
                }
                return Map.of("QUARKUS_PROFILE", "pg", "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + name,
                        "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "");
            }
        };

        abstract Path jar();

        abstract Map<String, String> env() throws Exception;
    }

    private Path jar;

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyAcknowledgedIssuanceAndRevocationSurvivesAKill(Database database) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = tmp.resolve("data");
        jar = database.jar();
        Map<String, String> env = new HashMap<>(database.env());
        env.putAll(Map.of("PORTCULLIS_ADMIN_PASSWORD", PASSWORD,
                "PORTCULLIS_CRL_REISSUE_DELAY", "PT0.2S", "PORTCULLIS_CRL_CHECK_INTERVAL", "PT1S"));
        ConcurrentLinkedQueue<String> csrs = new ConcurrentLinkedQueue<>(
                CsrFactory.ecP256(1_000 + 400 * (ISSUANCE_KILLS + REVOCATION_KILLS)));
        PackagedServer server = PackagedServer.start(jar, data, env, List.of(), "127.0.0.1", PackagedServer.freePort());
        try {
            for (int round = 0; round < ISSUANCE_KILLS; round++) {
                long killAfter = random.nextInt(2_000);
                server = killDuringIssuance(server, data, env, csrs, killAfter);
                assertEveryReceivedCertificateIsStored(server, "issuance round " + round + ", killed " + killAfter
                        + " ms after the first certificate (seed " + seed + ")");
            }
            assertThat(refusals).as("refused requests").isEmpty();
            assertThat(received).as("certificates received before the kills").hasSizeGreaterThan(ISSUANCE_KILLS * CLIENTS);
            for (int round = 0; round < REVOCATION_KILLS; round++) {
                long killAfter = random.nextInt(2_000);
                server = killDuringRevocation(server, data, env, csrs, killAfter);
                String context = "revocation round " + round + ", killed " + killAfter + " ms after the first revocation (seed " + seed + ")";
                assertEveryAcknowledgedRevocationIsStored(server, context);
                assertNextCrlListsEveryRevocation(server, context);
            }
            assertThat(refusals).as("refused requests").isEmpty();
            assertThat(revoked).as("revocations acknowledged before the kills").isNotEmpty();
            assertOcspAnswersRevoked(server);
        } finally {
            server.close();
        }
    }

    private PackagedServer killDuringIssuance(PackagedServer server, Path data, Map<String, String> env,
            ConcurrentLinkedQueue<String> csrs, long killAfter) throws Exception {
        String token = server.login("admin", PASSWORD);
        Burst<JsonNode> burst = Burst.start(CLIENTS, (client, attempt) -> issue(server, token, csrs));
        burst.awaitFirstAcknowledgement(Duration.ofSeconds(60));
        Thread.sleep(killAfter);
        server.kill();
        List<JsonNode> acknowledged = burst.stop();
        System.out.printf("Issuance burst killed %d ms after the first certificate: %d certificates received, %d requests unanswered%n",
                killAfter, acknowledged.size(), burst.unanswered());
        return PackagedServer.start(jar, data, env, List.of(), "127.0.0.1", server.port);
    }

    /** Each client issues a certificate and revokes it, over and over, so the kill cuts into both. */
    private PackagedServer killDuringRevocation(PackagedServer server, Path data, Map<String, String> env,
            ConcurrentLinkedQueue<String> csrs, long killAfter) throws Exception {
        String token = server.login("admin", PASSWORD);
        AtomicInteger reasons = new AtomicInteger();
        Burst<String[]> burst = Burst.start(CLIENTS, (client, attempt) -> {
            JsonNode issued = issue(server, token, csrs);
            if (issued == null) {
                return null;
            }
            String serial = issued.get("serial").asText();
            String reason = REASONS[reasons.getAndIncrement() % REASONS.length];
            var answer = server.send("POST", "/api/v1/certificates/" + serial + "/revoke", token, Map.of("reason", reason));
            if (answer.statusCode() != 200) {
                refusals.add(answer.statusCode() + " " + answer.body());
                return null;
            }
            return new String[] {serial, reason};
        });
        burst.awaitFirstAcknowledgement(Duration.ofSeconds(60));
        Thread.sleep(killAfter);
        server.kill();
        List<String[]> acknowledgements = burst.stop();
        System.out.printf("Revocation burst killed %d ms after the first revocation: %d revocations acknowledged, %d requests unanswered%n",
                killAfter, acknowledgements.size(), burst.unanswered());
        for (String[] acknowledged : acknowledgements) {
            revoked.put(acknowledged[0], acknowledged[1]);
        }
        return PackagedServer.start(jar, data, env, List.of(), "127.0.0.1", server.port);
    }

    /** Issues one certificate and records it as received; null when the server refused. */
    private JsonNode issue(PackagedServer server, String token, ConcurrentLinkedQueue<String> csrs) throws Exception {
        String csr = csrs.poll();
        if (csr == null) {
            throw new IllegalStateException("out of CSRs");
        }
        var answer = server.send("POST", "/api/v1/certificates", token, Map.of("csr", csr, "profile", "ike-gateway"));
        if (answer.statusCode() != 201) {
            refusals.add(answer.statusCode() + " " + answer.body());
            return null;
        }
        JsonNode issued = PackagedServer.JSON.readTree(answer.body());
        if (received.put(issued.get("serial").asText(), issued.get("certificate").asText()) != null) {
            refusals.add("serial issued twice: " + issued.get("serial").asText());
        }
        return issued;
    }

    private void assertEveryReceivedCertificateIsStored(PackagedServer server, String context) throws Exception {
        String token = server.login("admin", PASSWORD);
        Set<String> audited = auditTargets(server, token, "certificate.issued");
        List<String> lost = new ArrayList<>();
        synchronized (received) {
            for (Map.Entry<String, String> certificate : received.entrySet()) {
                var answer = server.send("GET", "/api/v1/certificates/" + certificate.getKey(), token, null);
                if (answer.statusCode() != 200) {
                    lost.add(certificate.getKey() + " (" + answer.statusCode() + ")");
                    continue;
                }
                assertThat(PackagedServer.JSON.readTree(answer.body()).get("certificate").asText().strip())
                        .as("%s: stored certificate %s", context, certificate.getKey())
                        .isEqualTo(certificate.getValue().strip());
                assertThat(audited).as("%s: audit entry of %s", context, certificate.getKey()).contains(certificate.getKey());
            }
        }
        assertThat(lost).as("%s: certificates received by a client but missing after the restart (of %d received)",
                context, received.size()).isEmpty();
        assertAuditChainVerifies(server, token, context);
    }

    private void assertEveryAcknowledgedRevocationIsStored(PackagedServer server, String context) throws Exception {
        String token = server.login("admin", PASSWORD);
        Set<String> audited = auditTargets(server, token, "certificate.revoked");
        for (Map.Entry<String, String> revocation : revoked.entrySet()) {
            JsonNode stored = server.json("GET", "/api/v1/certificates/" + revocation.getKey(), token, null, 200);
            assertThat(stored.get("status").asText()).as("%s: status of %s", context, revocation.getKey()).isEqualTo("revoked");
            assertThat(stored.get("revocationReason").asText()).as("%s: reason of %s", context, revocation.getKey())
                    .isEqualToIgnoringCase(revocation.getValue());
            assertThat(audited).as("%s: audit entry of the revocation of %s", context, revocation.getKey())
                    .contains(revocation.getKey());
        }
        assertAuditChainVerifies(server, token, context);
    }

    /** The CRL issued after the restart lists every acknowledged revocation, under a higher number than any before. */
    private void assertNextCrlListsEveryRevocation(PackagedServer server, String context) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(server.getBytes("/pki/issuing-ca.crl")));
            List<String> missing = new ArrayList<>();
            for (String serial : revoked.keySet()) {
                if (crl.getRevokedCertificate(new BigInteger(serial, 16)) == null) {
                    missing.add(serial);
                }
            }
            if (missing.isEmpty()) {
                BigInteger number = crlNumber(crl);
                if (number.equals(lastCrlNumber)) {
                    assertThat(crl.getEncoded()).as("%s: a different CRL under number %s", context, number).isEqualTo(lastCrl);
                } else {
                    assertThat(number).as("%s: CRL number", context).isGreaterThan(lastCrlNumber);
                }
                lastCrlNumber = number;
                lastCrl = crl.getEncoded();
                return;
            }
            assertThat(System.nanoTime()).as("%s: acknowledged revocations missing from the CRL 30 s after the restart: %s",
                    context, missing).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private void assertOcspAnswersRevoked(PackagedServer server) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("ocsp"));
        Files.write(work.resolve("root.der"), server.getBytes("/pki/root-ca.crt"));
        Files.write(work.resolve("issuing.der"), server.getBytes("/pki/issuing-ca.crt"));
        Openssl.ok(work, "x509", "-inform", "der", "-in", "root.der", "-out", "root.pem");
        Openssl.ok(work, "x509", "-inform", "der", "-in", "issuing.der", "-out", "issuing.pem");
        List<String> serials = new ArrayList<>(revoked.keySet());
        for (String serial : serials.subList(Math.max(0, serials.size() - 3), serials.size())) {
            Files.writeString(work.resolve("cert.pem"), received.get(serial));
            String answer = Openssl.ok(work, "ocsp", "-issuer", "issuing.pem", "-cert", "cert.pem", "-url", server.url("/ocsp"),
                    "-CAfile", "root.pem");
            assertThat(answer).as("OCSP for %s", serial).contains("Response verify OK").contains("cert.pem: revoked");
        }
    }

    private static void assertAuditChainVerifies(PackagedServer server, String token, String context) throws Exception {
        JsonNode verification = server.json("GET", "/api/v1/audit/verify", token, null, 200);
        assertThat(verification.get("valid").asBoolean()).as("%s: audit chain %s", context, verification).isTrue();
    }

    private static Set<String> auditTargets(PackagedServer server, String token, String action) throws Exception {
        Set<String> targets = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = server.json("GET", "/api/v1/audit?action=" + action + "&size=500&page=" + page, token, null, 200)
                    .get("items");
            items.forEach(item -> targets.add(item.get("target").asText()));
            if (items.size() < 500) {
                return targets;
            }
        }
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
    }
}

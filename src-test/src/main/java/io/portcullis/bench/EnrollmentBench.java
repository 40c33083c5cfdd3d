package io.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enrollments per second over REST ({@code POST /enroll/v1/csr}: secret check under a row lock,
 * identity binding, issuance with RFC 3779 blocks, request record, audit), side by side in one run
 * with plain operator issuance ({@code POST /api/v1/certificates}) of the same CSRs' kind, against
 * one freshly started packaged server. Peers are registered and keys generated before the clock starts.
 *
 * <pre>java -cp … io.portcullis.bench.EnrollmentBench [--requests N] [--concurrency C]</pre>
 */
public final class EnrollmentBench {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int requests = Integer.parseInt(given.getOrDefault("requests", "2000"));
        int concurrency = Integer.parseInt(given.getOrDefault("concurrency", "16"));
        int warmup = Math.max(100, requests / 10);
        Path jar = Path.of(given.getOrDefault("server-jar", "server/target/quarkus-app/quarkus-run.jar"));
        Path data = Files.createTempDirectory("portcullis-enroll-bench");
        System.out.printf("Portcullis enrollment benchmark: %d enrollments, concurrency %d, %d cores%n", requests, concurrency,
                Runtime.getRuntime().availableProcessors());

        try (RunningServer server = RunningServer.start(jar, data, "ec-p256", ADMIN_PASSWORD, IssuanceBench.KEYSTORE_PASSWORD)) {
            String base = server.baseUrl;
            String token = server.login("admin", ADMIN_PASSWORD);
            int total = warmup + requests;
            System.out.printf("Registering %d peers and generating %d P-256 keys (not measured)...%n", total, 2 * total);
            List<String> bodies = new ArrayList<>();
            List<String> plain = new ArrayList<>();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            for (int i = 0; i < total; i++) {
                String name = "bench-gw" + i;
                String fqdn = name + ".example.net";
                JsonNode peer = post(base, "/api/v1/peers", token, Map.of("name", name, "identity", Map.of("type", "fqdn", "value", fqdn),
                        "subnets", List.of("10." + (i / 256 % 256) + "." + (i % 256) + ".0/24"), "approval", "auto"), 201);
                bodies.add(JSON.writeValueAsString(Map.of("peer", name, "secret", peer.get("enrollmentSecret").asText(),
                        "csr", csr(generator.generateKeyPair(), fqdn))));
                plain.add(JSON.writeValueAsString(Map.of("profile", "ike-gateway", "csr", csr(generator.generateKeyPair(), "plain-" + fqdn))));
            }
            LoadClient enrollment = new LoadClient(base, "/enroll/v1/csr", null);
            LoadClient issuance = new LoadClient(base, "/api/v1/certificates", token);
            enrollment.run(bodies.subList(0, warmup), concurrency);
            issuance.run(plain.subList(0, warmup), concurrency);
            LoadClient.Result enroll = enrollment.run(bodies.subList(warmup, total), concurrency);
            LoadClient.Result issue = issuance.run(plain.subList(warmup, total), concurrency);
            System.out.printf("REST enrollment (secret + identity binding + RFC 3779): %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed)%n",
                    enroll.perSecond(), enroll.percentile(50), enroll.percentile(99), enroll.ok(), enroll.failed());
            System.out.printf("Operator issuance (POST /api/v1/certificates):        %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed)%n",
                    issue.perSecond(), issue.percentile(50), issue.percentile(99), issue.ok(), issue.failed());
            System.out.printf("Ratio: enrollment runs at %.1f %% of plain issuance%n", 100.0 * enroll.perSecond() / issue.perSecond());
            if (enroll.failed() > 0 || issue.failed() > 0) {
                System.exit(1);
            }
        }
    }



    private static String csr(KeyPair keys, String fqdn) throws Exception {
        return CsrFactory.ecP256(keys, fqdn);
    }


    private static JsonNode post(String base, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

}

package io.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.ca.keys.PemCodec;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

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
            String token = login(base);
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
            run(base, null, "/enroll/v1/csr", bodies.subList(0, warmup), concurrency);
            run(base, token, "/api/v1/certificates", plain.subList(0, warmup), concurrency);
            Result enroll = run(base, null, "/enroll/v1/csr", bodies.subList(warmup, total), concurrency);
            Result issue = run(base, token, "/api/v1/certificates", plain.subList(warmup, total), concurrency);
            System.out.printf("REST enrollment (secret + identity binding + RFC 3779): %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed)%n",
                    enroll.perSecond(), enroll.percentile(50), enroll.percentile(99), enroll.ok, enroll.failed);
            System.out.printf("Operator issuance (POST /api/v1/certificates):        %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed)%n",
                    issue.perSecond(), issue.percentile(50), issue.percentile(99), issue.ok, issue.failed);
            System.out.printf("Ratio: enrollment runs at %.1f %% of plain issuance%n", 100.0 * enroll.perSecond() / issue.perSecond());
            if (enroll.failed > 0 || issue.failed > 0) {
                System.exit(1);
            }
        }
    }

    record Result(int ok, int failed, long nanos, long[] latencies) {
        double perSecond() {
            return ok / (nanos / 1e9);
        }

        double percentile(int p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }

    static Result run(String base, String token, String path, List<String> bodies, int concurrency) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] latencies = new long[bodies.size()];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)));
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    (status == 201 ? ok : failed).incrementAndGet();
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(ok.get(), failed.get(), elapsed, latencies);
    }

    private static String csr(KeyPair keys, String fqdn) throws Exception {
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, fqdn)));
        return PemCodec.toPem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + fqdn), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String login(String base) throws Exception {
        return post(base, "/api/v1/auth/login", null, Map.of("username", "admin", "password", ADMIN_PASSWORD), 200).get("token").asText();
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

package io.portcullis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Issues N certificates through the REST API of a freshly started packaged server at
 * concurrency C, then — in the same run, on the same machine — measures how fast the very same
 * issuing CA key signs certificates with nothing else around it, and prints both and their ratio.
 *
 * <pre>bin/bench [--requests N] [--concurrency C] [--ca-key ec-p256|rsa-3072|...]</pre>
 */
public final class IssuanceBench {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String KEYSTORE_PASSWORD = "bench-keystore-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path data = Files.createTempDirectory("portcullis-bench");
        System.out.printf("Portcullis issuance benchmark: %d requests, concurrency %d, issuing CA key %s, %d cores%n",
                options.requests, options.concurrency, options.caKey, Runtime.getRuntime().availableProcessors());

        List<String> csrs = CsrFactory.ecP256(options.requests + options.warmup);
        LoadResult load;
        try (RunningServer server = RunningServer.start(options.serverJar, data, options.caKey)) {
            String token = server.login("admin", ADMIN_PASSWORD);
            new LoadClient(server.baseUrl, token).run(csrs.subList(0, options.warmup), options.concurrency);
            load = new LoadClient(server.baseUrl, token).run(csrs.subList(options.warmup, csrs.size()), options.concurrency);
        }
        SignResult raw = RawSigning.measure(data, options.signSeconds);

        System.out.printf("REST issuance:   %8.1f certificates/s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed)%n",
                load.perSecond(), load.percentile(50), load.percentile(99), load.ok, load.failed);
        System.out.printf("Raw CA signing:  %8.1f signatures/s   (%d threads, same key, same TBS size)%n",
                raw.perSecond(), raw.threads);
        System.out.printf("Ratio:           %8.1f %% of the raw signing rate%n", 100.0 * load.perSecond() / raw.perSecond());
        if (load.failed > 0) {
            System.exit(1);
        }
    }

    record Options(int requests, int warmup, int concurrency, String caKey, int signSeconds, Path serverJar) {
        static Options parse(String[] args) {
            Map<String, String> given = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            int requests = Integer.parseInt(given.getOrDefault("requests", "5000"));
            return new Options(requests, Math.max(200, requests / 10),
                    Integer.parseInt(given.getOrDefault("concurrency", "16")),
                    given.getOrDefault("ca-key", "ec-p256"),
                    Integer.parseInt(given.getOrDefault("sign-seconds", "5")),
                    Path.of(given.getOrDefault("server-jar", "server/target/quarkus-app/quarkus-run.jar")));
        }
    }

    record LoadResult(int ok, int failed, long elapsedNanos, long[] latencies) {
        double perSecond() {
            return ok / (elapsedNanos / 1e9);
        }

        double percentile(int p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            java.util.Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    record SignResult(long signatures, long elapsedNanos, int threads) {
        double perSecond() {
            return signatures / (elapsedNanos / 1e9);
        }
    }

    /** POSTs each CSR once, C at a time, over keep-alive HTTP/1.1 connections. */
    static final class LoadClient {
        private final String baseUrl;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        LoadClient(String baseUrl, String token) {
            this.baseUrl = baseUrl;
            this.token = token;
        }

        LoadResult run(List<String> csrs, int concurrency) throws Exception {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long[] latencies = new long[csrs.size()];
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < csrs.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        if (issue(csrs.get(i))) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
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
            return new LoadResult(ok.get(), failed.get(), elapsed, latencies);
        }

        private boolean issue(String csr) {
            try {
                String body = JSON.writeValueAsString(Map.of("csr", csr, "profile", "ike-gateway"));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/certificates"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 201;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Opens the stopped server's H2 database, decrypts the issuing CA key with the key store
     * password the server was given, and re-signs the TBS part of an issued certificate as fast as
     * the machine allows: the ceiling that REST issuance is compared with.
     */
    static final class RawSigning {
        static SignResult measure(Path data, int seconds) throws Exception {
            byte[] keystore;
            byte[] sampleCertificate;
            String url = "jdbc:h2:file:" + data.resolve("db/portcullis") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
            try (Connection db = DriverManager.getConnection(url, "portcullis", "")) {
                keystore = single(db, "select keystore from certificate_authority where id = 'issuing'");
                sampleCertificate = single(db, "select certificate_der from certificate where status = 'VALID' limit 1");
            }
            KeyStore.PrivateKeyEntry entry = EncryptedKeyStore.fromBytes(keystore, KEYSTORE_PASSWORD.toCharArray(), "ca");
            List<X509CertificateHolder> chain = new ArrayList<>();
            for (java.security.cert.Certificate c : entry.getCertificateChain()) {
                chain.add(new X509CertificateHolder(c.getEncoded()));
            }
            CaSigner signer = new SoftwareCaSigner(entry.getPrivateKey(), chain);
            byte[] tbs = Certificate.getInstance(sampleCertificate).getTBSCertificate().getEncoded();

            int threads = Runtime.getRuntime().availableProcessors();
            AtomicLong signatures = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        ContentSigner contentSigner = signer.newContentSigner();
                        try (OutputStream out = contentSigner.getOutputStream()) {
                            out.write(tbs);
                        }
                        if (contentSigner.getSignature().length == 0) {
                            throw new IllegalStateException("empty signature");
                        }
                        signatures.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            return new SignResult(signatures.get(), elapsed, threads);
        }

        private static byte[] single(Connection db, String sql) throws Exception {
            try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row for: " + sql);
                }
                return rows.getBytes(1);
            }
        }
    }

    /** The packaged server as a child process with a fresh data directory. */
    static final class RunningServer implements AutoCloseable {
        final String baseUrl;
        private final Process process;

        private RunningServer(String baseUrl, Process process) {
            this.baseUrl = baseUrl;
            this.process = process;
        }

        static RunningServer start(Path jar, Path data, String caKey) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            // Extra JVM options for the server, e.g. a flight recording while profiling the benchmark.
            String extra = System.getenv("PORTCULLIS_BENCH_SERVER_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
            builder.environment().putAll(Map.of("PORTCULLIS_DATA_DIR", data.toString(),
                    "QUARKUS_HTTP_PORT", Integer.toString(port), "QUARKUS_HTTP_HOST", "127.0.0.1",
                    "PORTCULLIS_ADMIN_PASSWORD", ADMIN_PASSWORD, "PORTCULLIS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                    "PORTCULLIS_CA_ISSUING_KEY_ALGORITHM", caKey));
            RunningServer server = new RunningServer("http://127.0.0.1:" + port, builder.start());
            server.awaitReady();
            return server;
        }

        private void awaitReady() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 360; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue());
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("server did not become ready");
        }

        String login(String user, String password) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", password))))
                            .build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("token").asText();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

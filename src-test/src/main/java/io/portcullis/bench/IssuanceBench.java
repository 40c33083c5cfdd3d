package io.portcullis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issues N certificates through the REST API of a freshly started packaged server at
 * concurrency C, then — in the same run, on the same machine — measures how fast the very same
 * issuing CA key signs certificates with nothing else around it, and prints both and their ratio.
 *
 * <pre>bin/bench [--requests N] [--concurrency C] [--ca-key ec-p256|rsa-3072|...] [--warmup W] [--sign-seconds S] [--client wrk|java]</pre>
 *
 * <p>The load comes from {@code wrk} by default (a C client, so the server gets most of the two
 * cores; {@code --client java} uses Java's HttpClient). The CPU each side spent per certificate is
 * printed, so the client's share of the machine is visible either way.
 */
public final class IssuanceBench {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String KEYSTORE_PASSWORD = "bench-keystore-password";
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path data = Files.createTempDirectory("portcullis-bench");
        System.out.printf("Portcullis issuance benchmark: %d requests, concurrency %d, issuing CA key %s, %d cores%n",
                options.requests, options.concurrency, options.caKey, Runtime.getRuntime().availableProcessors());

        List<String> bodies = new java.util.ArrayList<>();
        for (String csr : CsrFactory.ecP256(options.requests + options.warmup)) {
            bodies.add(JSON.writeValueAsString(Map.of("csr", csr, "profile", "ike-gateway")));
        }
        boolean wrk = options.client.equals("wrk");
        if (wrk && !WrkLoadClient.available()) {
            throw new IllegalStateException("--client wrk needs wrk on the PATH (Debian package wrk), or use --client java");
        }
        LoadSummary load;
        CpuClock.PerOperation cpuPerCertificate;
        try (RunningServer server = RunningServer.start(options.serverJar, data, options.caKey, ADMIN_PASSWORD, KEYSTORE_PASSWORD)) {
            String token = server.login("admin", ADMIN_PASSWORD);
            List<String> warmup = bodies.subList(0, options.warmup);
            List<String> measured = bodies.subList(options.warmup, bodies.size());
            if (wrk) {
                WrkLoadClient client = new WrkLoadClient(server.baseUrl, "/api/v1/certificates", token);
                Path scratch = Files.createTempDirectory("portcullis-bench-wrk");
                client.run(warmup, options.concurrency, scratch);
                CpuClock cpu = CpuClock.start(server.pid());
                load = client.run(measured, options.concurrency, scratch);
                cpuPerCertificate = cpu.perOperation(load.ok());
            } else {
                LoadClient client = new LoadClient(server.baseUrl, "/api/v1/certificates", token);
                client.run(warmup, options.concurrency);
                CpuClock cpu = CpuClock.start(server.pid());
                load = LoadSummary.of(client.run(measured, options.concurrency));
                cpuPerCertificate = cpu.perOperation(load.ok());
            }
        }
        SignResult raw = RawSigning.measure(data, options.signSeconds, KEYSTORE_PASSWORD);

        System.out.printf("REST issuance:   %8.1f certificates/s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed; load client %s)%n",
                load.perSecond(), load.p50Millis(), load.p99Millis(), load.ok(), load.failed(), options.client);
        System.out.printf("CPU per certificate: server %.2f ms, load client %.2f ms (%d cores, both on this machine)%n",
                cpuPerCertificate.serverMillis(), cpuPerCertificate.clientMillis(), Runtime.getRuntime().availableProcessors());
        System.out.printf("Raw CA signing:  %8.1f signatures/s   (%d threads, same key, same TBS size)%n",
                raw.perSecond(), raw.threads);
        System.out.printf("Ratio:           %8.1f %% of the raw signing rate%n", 100.0 * load.perSecond() / raw.perSecond());
        if (load.failed() > 0) {
            System.exit(1);
        }
    }

    record Options(int requests, int warmup, int concurrency, String caKey, int signSeconds, Path serverJar, String client) {
        static Options parse(String[] args) {
            Map<String, String> given = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            int requests = Integer.parseInt(given.getOrDefault("requests", "5000"));
            // The warm-up lets the JIT settle (C2 is still compiling after a few hundred requests).
            int warmup = Integer.parseInt(given.getOrDefault("warmup", Integer.toString(Math.max(2000, requests / 2))));
            return new Options(requests, warmup,
                    Integer.parseInt(given.getOrDefault("concurrency", "16")),
                    given.getOrDefault("ca-key", "ec-p256"),
                    Integer.parseInt(given.getOrDefault("sign-seconds", "5")),
                    Path.of(given.getOrDefault("server-jar", "server/target/quarkus-app/quarkus-run.jar")),
                    client(given.getOrDefault("client", "wrk")));
        }

        private static String client(String name) {
            if (!name.equals("wrk") && !name.equals("java")) {
                throw new IllegalArgumentException("--client is wrk (default) or java, not " + name);
            }
            return name;
        }
    }


    record SignResult(long signatures, long elapsedNanos, int threads) {
        double perSecond() {
            return signatures / (elapsedNanos / 1e9);
        }
    }



}

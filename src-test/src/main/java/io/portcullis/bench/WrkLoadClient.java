package io.portcullis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the load with {@code wrk} (one thread, C keep-alive connections) instead of a JVM
 * client: on a two-core machine the load generator shares the cores with the server, and a C
 * client takes a fraction of the CPU that Java's HttpClient takes per request. Each body is
 * POSTed once, in order; wrk stops when as many responses have arrived (its measured duration
 * then includes up to ~20 ms of stopping, which only lowers the reported rate).
 */
final class WrkLoadClient {

    /** Bodies one per line (the JSON bodies have no raw newlines); prints what {@link #parse} reads. */
    private static final String SCRIPT = """
            local bodies = {}
            for line in io.lines(os.getenv("PORTCULLIS_BENCH_BODIES")) do bodies[#bodies + 1] = line end
            local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("PORTCULLIS_BENCH_TOKEN")}
            local sent, received, created = 0, 0, 0
            request = function()
              sent = sent + 1
              return wrk.format("POST", nil, headers, bodies[(sent - 1) % #bodies + 1])
            end
            response = function(status, hdrs, body)
              received = received + 1
              if status == 201 then created = created + 1 end
              if received == #bodies then
                wrk.thread:stop()
                -- wrk's main thread sleeps for the whole -d duration; a SIGINT ends that sleep. It is
                -- repeated every 20 ms because one that lands on this (still exiting) thread is lost.
                os.execute("(while kill -INT $PPID 2>/dev/null; do sleep 0.02; done) &")
              end
            end
            done = function(summary, latency, requests)
              io.write(string.format("bench-result %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), summary.errors.status + summary.errors.connect
                + summary.errors.read + summary.errors.write + summary.errors.timeout))
            end
            """;

    private final String url;
    private final String token;

    WrkLoadClient(String baseUrl, String path, String token) {
        this.url = baseUrl + path;
        this.token = token;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    LoadSummary run(List<String> bodies, int concurrency, Path workDir) throws Exception {
        Path bodyFile = workDir.resolve("bodies.jsonl");
        Path script = workDir.resolve("issue.lua");
        Files.write(bodyFile, bodies, StandardCharsets.UTF_8);
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t1", "-c" + concurrency, "-d3600s", "--timeout", "30s",
                "-s", script.toString(), url).redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(Map.of("PORTCULLIS_BENCH_BODIES", bodyFile.toString(),
                "PORTCULLIS_BENCH_TOKEN", token));
        builder.environment().putAll(environment);
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(1, TimeUnit.HOURS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return parse(output, bodies.size(), wrk.pid());
    }

    /** The line the script's done() prints: requests, duration µs, p50 µs, p99 µs, errors. */
    static LoadSummary parse(String output, int expected, long pid) {
        for (String line : output.split("\n")) {
            if (line.startsWith("bench-result ")) {
                String[] f = line.trim().split(" ");
                int requests = Integer.parseInt(f[1]);
                int errors = Integer.parseInt(f[5]);
                int ok = Math.min(requests, expected) - errors;
                return new LoadSummary(ok, expected - ok, Long.parseLong(f[2]) / 1e6, Long.parseLong(f[3]) / 1e3,
                        Long.parseLong(f[4]) / 1e3, pid);
            }
        }
        throw new IllegalStateException("no result line in wrk's output:\n" + output);
    }
}

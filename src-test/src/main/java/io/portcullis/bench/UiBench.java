package io.portcullis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admin UI page times with many certificates: starts the packaged server on a fresh H2 database,
 * issues N certificates through the real REST issuance path (and revokes every 20th, registers
 * some gateways), logs in to the UI like a browser, then requests each main page sequentially and
 * reports p50/p95 next to two references measured in the same run: the readiness probe
 * ({@code /q/health/ready}, no database) and a static file served by the same HTTP stack.
 *
 * <pre>bin/bench-ui [--certificates 10000] [--requests 200] [--warmup 50] [--concurrency 16]</pre>
 */
public final class UiBench {

    private static final Pattern SERIAL = Pattern.compile("\"serial\"\\s*:\\s*\"([0-9a-f]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int certificates = Integer.parseInt(given.getOrDefault("certificates", "10000"));
        int requests = Integer.parseInt(given.getOrDefault("requests", "200"));
        int warmup = Integer.parseInt(given.getOrDefault("warmup", "50"));
        int concurrency = Integer.parseInt(given.getOrDefault("concurrency", "16"));
        Path jar = Path.of(given.getOrDefault("server-jar", "server/target/quarkus-app/quarkus-run.jar"));
        Path data = Files.createTempDirectory("portcullis-bench-ui");
        System.out.printf("Portcullis admin UI benchmark: %d certificates, %d timed requests per page (after %d warm-up), %d cores%n",
                certificates, requests, warmup, Runtime.getRuntime().availableProcessors());

        List<String> bodies = new ArrayList<>();
        for (String csr : CsrFactory.ecP256(certificates)) {
            bodies.add(IssuanceBench.JSON.writeValueAsString(Map.of("csr", csr, "profile", "ike-gateway")));
        }
        try (RunningServer server = RunningServer.start(jar, data, "ec-p256", IssuanceBench.ADMIN_PASSWORD,
                IssuanceBench.KEYSTORE_PASSWORD, Map.of("PORTCULLIS_IKE_ENABLED", "false"))) {
            String token = server.login("admin", IssuanceBench.ADMIN_PASSWORD);
            long seedStart = System.nanoTime();
            LoadClient.Result issued = new LoadClient(server.baseUrl, "/api/v1/certificates", token).run(bodies, concurrency);
            System.out.printf("Seeded %d certificates through POST /api/v1/certificates in %.1f s (%d failed)%n", issued.ok(),
                    (System.nanoTime() - seedStart) / 1e9, issued.failed());
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            List<String> serials = serials(http, server.baseUrl, token);
            for (int i = 0; i < serials.size(); i += 20) {
                api(http, server.baseUrl + "/api/v1/certificates/" + serials.get(i) + "/revoke", token,
                        "{\"reason\":\"superseded\"}");
            }
            for (int i = 0; i < 100; i++) {
                api(http, server.baseUrl + "/api/v1/peers", token, "{\"name\":\"bench-gw" + i + "\",\"identity\":{\"type\":\"fqdn\",\"value\":"
                        + "\"bench-gw" + i + ".example.net\"},\"subnets\":[],\"profile\":\"ike-gateway\",\"approval\":\"manual\"}");
            }
            String cookie = UiLogin.sessionCookie(http, server.baseUrl, "admin", IssuanceBench.ADMIN_PASSWORD);
            String soon = LocalDate.ofInstant(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC).toString();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("reference: GET /q/health/ready", "/q/health/ready");
            pages.put("reference: static /ui-static/portcullis.css", "/ui-static/portcullis.css");
            pages.put("dashboard /ui/", "/ui/");
            pages.put("certificates, first page", "/ui/certificates");
            pages.put("certificates, text search", "/ui/certificates?q=gw4711.bench");
            pages.put("certificates, status=revoked", "/ui/certificates?status=revoked");
            pages.put("certificates, expiring before", "/ui/certificates?status=valid&expiringBefore=" + soon);
            pages.put("certificates, page 200", "/ui/certificates?page=200");
            pages.put("certificate detail", "/ui/certificates/" + serials.get(serials.size() / 2));
            pages.put("gateways", "/ui/gateways");
            pages.put("enrollment requests", "/ui/requests");
            pages.put("revocation", "/ui/revocation");
            pages.put("tunnels", "/ui/tunnels");
            pages.put("audit log", "/ui/audit");
            pages.put("audit log, action filter", "/ui/audit?action=certificate.revoked");
            pages.put("audit chain verification (htmx fragment)", "/ui/audit/verify");
            Map<String, long[]> results = new LinkedHashMap<>();
            for (var page : pages.entrySet()) {
                results.put(page.getKey(), time(http, server.baseUrl + page.getValue(), cookie, warmup, requests));
            }
            double reference = percentile(results.get("reference: GET /q/health/ready"), 50);
            System.out.println();
            System.out.println("| page | p50 ms | p95 ms | p50 / health p50 |");
            System.out.println("| --- | --- | --- | --- |");
            for (var r : results.entrySet()) {
                double p50 = percentile(r.getValue(), 50);
                System.out.printf("| %s | %.1f | %.1f | %.1f |%n", r.getKey(), p50, percentile(r.getValue(), 95), p50 / reference);
            }
        }
    }

    /** Sequential GETs with the session cookie; every answer must be 200. Latencies in nanoseconds, sorted. */
    private static long[] time(HttpClient http, String url, String cookie, int warmup, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build();
        long[] latencies = new long[requests];
        for (int i = 0; i < warmup + requests; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            if (i >= warmup) {
                latencies[i - warmup] = elapsed;
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static List<String> serials(HttpClient http, String base, String token) throws Exception {
        List<String> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/certificates?size=500&page=" + page))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = SERIAL.matcher(response.body());
            int before = out.size();
            while (m.find()) {
                out.add(m.group(1));
            }
            if (out.size() - before < 500) {
                return out;
            }
        }
    }

    private static void api(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}

package io.portcullis.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server as a child process with a fresh data directory. */
final class RunningServer implements AutoCloseable {
    final String baseUrl;
    private final Process process;

    private RunningServer(String baseUrl, Process process) {
        this.baseUrl = baseUrl;
        this.process = process;
    }

    static RunningServer start(Path jar, Path data, String caKey, String adminPassword, String keystorePassword) throws Exception {
        return start(jar, data, caKey, adminPassword, keystorePassword, Map.of());
    }

    /** {@code extraEnvironment}: more settings for the server, e.g. PORTCULLIS_IKE_ENABLED=false. */
    static RunningServer start(Path jar, Path data, String caKey, String adminPassword, String keystorePassword,
            Map<String, String> extraEnvironment) throws Exception {
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
                "PORTCULLIS_ADMIN_PASSWORD", adminPassword, "PORTCULLIS_KEYSTORE_PASSWORD", keystorePassword,
                "PORTCULLIS_CA_ISSUING_KEY_ALGORITHM", caKey));
        builder.environment().putAll(extraEnvironment);
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

    long pid() {
        return process.pid();
    }

    String login(String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(IssuanceBench.JSON.writeValueAsString(Map.of("username", user, "password", password))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        return IssuanceBench.JSON.readTree(response.body()).get("token").asText();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

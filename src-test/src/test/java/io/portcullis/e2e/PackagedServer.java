package io.portcullis.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server ({@code server/target/quarkus-app/quarkus-run.jar}) started as a real
 * process, as a user would run it, on a free port with its own data directory. The IKE responder
 * is off unless a test turns it on (it would otherwise bind UDP 500/4500 when run as root, and
 * two servers of one test would compete for them).
 */
public final class PackagedServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final Path dataDir;
    public final Path log;
    public final int port;
    private final String host;
    private final Process process;

    private PackagedServer(Path dataDir, Path log, int port, String host, Process process) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.host = host;
        this.process = process;
    }

    public static Path jar() {
        Path jar = Path.of("..", "server", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("packaged server missing at " + jar + ": build the reactor (./mvnw verify) first");
        }
        return jar;
    }

    /**
     * The server built for PostgreSQL (the database kind is fixed at build time): bin/test builds it
     * into {@code server/target/quarkus-app-pg} with {@code -Dquarkus.profile=pg} before the suite.
     */
    public static Path postgresJar() {
        Path jar = Path.of("..", "server", "target", "quarkus-app-pg", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("PostgreSQL build of the server missing at " + jar
                    + ": run bin/test, or ./mvnw -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg -pl server -am package");
        }
        return jar;
    }

    public static PackagedServer start(Path dataDir, Map<String, String> env) throws IOException, InterruptedException {
        return start(dataDir, env, List.of(), "127.0.0.1");
    }

    /**
     * @param commandPrefix run the JVM under this (e.g. {@code ip netns exec NS}); empty for none
     * @param host the address the server listens on and the test reaches it at
     */
    public static PackagedServer start(Path dataDir, Map<String, String> env, List<String> commandPrefix, String host)
            throws IOException, InterruptedException {
        return start(dataDir, env, commandPrefix, host, freePort());
    }

    /**
     * As above, on a port the caller chose (e.g. one it wrote into {@code PORTCULLIS_PUBLIC_URL}, so
     * the certificates' OCSP and CRL pointers reach this server, and a restart on the same port too).
     */
    public static PackagedServer start(Path dataDir, Map<String, String> env, List<String> commandPrefix, String host,
            int port) throws IOException, InterruptedException {
        return start(jar(), dataDir, env, commandPrefix, host, port);
    }

    /** As above, from another build of the server (e.g. {@link #postgresJar()}). */
    public static PackagedServer start(Path jar, Path dataDir, Map<String, String> env, List<String> commandPrefix, String host,
            int port) throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(List.of(javaBinary(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORTCULLIS_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", host);
        builder.environment().put("PORTCULLIS_IKE_ENABLED", "false");
        builder.environment().putAll(env);
        PackagedServer server = new PackagedServer(dataDir, log, port, host, builder.start());
        try {
            server.awaitReady(Duration.ofSeconds(120));
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server not ready after " + timeout + ":\n" + Files.readString(log));
    }

    public String url(String path) {
        return "http://" + host + ":" + port + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public byte[] getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    public HttpResponse<String> send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(String method, String path, String token, Object body, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, token, body);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public String login(String username, String password) throws IOException, InterruptedException {
        return json("POST", "/api/v1/auth/login", null, Map.of("username", username, "password", password), 200)
                .get("token").asText();
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /**
     * The first match of {@code pattern} in the server's log, waiting up to {@code within} for it. The server
     * answers a peer before it logs what the exchange did (and removing a route runs {@code ip} first), so a
     * client's success can come a moment before the line is written.
     */
    public java.util.regex.Matcher awaitLog(java.util.regex.Pattern pattern, Duration within)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            java.util.regex.Matcher matcher = pattern.matcher(logText());
            if (matcher.find()) {
                return matcher;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no /" + pattern + "/ in the server's log within " + within + "; its end:\n"
                        + tail(logText()));
            }
            Thread.sleep(100);
        }
    }

    /** The last 60 lines of a log, for failure messages. */
    public static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
    }

    /** Kills the server process with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

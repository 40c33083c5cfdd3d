package io.portcullis.e2e.ike;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl ocsp} as the OCSP responder for Portcullis certificates, signing as a delegated
 * responder whose certificate Portcullis issued (profile ocsp-signer). Software nobody here wrote,
 * standing in for the crl-ocsp module until that lands. OpenSSL 3.0's responder reads its index
 * file once, so every change restarts it (a fraction of a second).
 */
final class OpensslOcspResponder implements AutoCloseable {

    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private record Entry(String subject, boolean revoked) {
    }

    private final Path dir;
    private final List<String> command;
    private final Map<BigInteger, Entry> entries = new LinkedHashMap<>();
    private Process process;

    private OpensslOcspResponder(Path dir, List<String> command) {
        this.dir = dir;
        this.command = command;
    }

    /** Starts in {@code namespace} on {@code port} and waits until it listens. */
    static OpensslOcspResponder start(Path dir, String namespace, int port, Path issuerPem, Path signerPem,
            Path signerKey) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n");
        // -nmin 10: answers carry a nextUpdate, so the gateway caches them (and must forget them on revocation).
        OpensslOcspResponder responder = new OpensslOcspResponder(dir, Commands.in(namespace, "openssl", "ocsp",
                "-index", dir.resolve("index.txt").toString(), "-port", Integer.toString(port), "-CA",
                issuerPem.toString(), "-rsigner", signerPem.toString(), "-rkey", signerKey.toString(), "-nmin", "10"));
        responder.launch();
        return responder;
    }

    private void launch() throws IOException, InterruptedException {
        Path log = dir.resolve("ocsp.log");
        Files.deleteIfExists(log);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Readiness from its log, not by connecting: openssl ocsp serves one connection at a time
        // and a probe that connects and closes without a request leaves it stuck.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(log) || !Files.readString(log).contains("waiting for OCSP client connections")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("openssl ocsp did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(50);
        }
    }

    void good(BigInteger serial, String subject) throws IOException, InterruptedException {
        entries.put(serial, new Entry(subject, false));
        rewrite();
    }

    void revoke(BigInteger serial) throws IOException, InterruptedException {
        entries.put(serial, new Entry(entries.get(serial).subject(), true));
        rewrite();
    }

    private void rewrite() throws IOException, InterruptedException {
        String expiry = INDEX_TIME.format(Instant.now().plusSeconds(86_400L * 365));
        String revokedAt = INDEX_TIME.format(Instant.now().minusSeconds(1));
        StringBuilder text = new StringBuilder();
        entries.forEach((serial, e) -> text.append(e.revoked() ? "R" : "V").append('\t').append(expiry).append('\t')
                .append(e.revoked() ? revokedAt + ",keyCompromise" : "").append('\t').append(hex(serial))
                .append("\tunknown\t").append(e.subject()).append('\n'));
        Files.writeString(dir.resolve("index.txt"), text);
        close();
        launch();
    }

    /** openssl looks serials up as BN_bn2hex: upper case, whole bytes. */
    private static String hex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

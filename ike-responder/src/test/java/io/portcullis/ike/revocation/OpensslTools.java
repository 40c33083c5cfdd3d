package io.portcullis.ike.revocation;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real openssl as an independent OCSP responder and CRL issuer for the revocation tests. */
final class OpensslTools {

    private OpensslTools() {
    }

    static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** {@code openssl ocsp} serving {@code index.txt} of {@code dir}, signed by {@code signer}.pem/.key. */
    static Process ocspResponder(Path dir, int port, String signer, boolean withNextUpdate)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "ocsp", "-index", "index.txt", "-port",
                Integer.toString(port), "-CA", "ca.pem", "-rsigner", signer + ".pem", "-rkey", signer + ".key"));
        if (withNextUpdate) {
            command.addAll(List.of("-nmin", "10"));
        }
        Path log = dir.resolve("ocsp-" + port + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        // Readiness from the log: openssl ocsp serves one connection at a time, a bare connect would wedge it.
        while (!Files.exists(log) || !Files.readString(log).contains("waiting for OCSP client connections")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl ocsp did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return p;
    }

    /** A CRL from {@code openssl ca -gencrl} over {@code index.txt}, as DER. */
    static byte[] crl(Path dir, int hours) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("ca.cnf"), String.join("\n", "[ ca ]", "default_ca = test", "[ test ]",
                "database = " + dir.resolve("index.txt"), "crlnumber = " + dir.resolve("crlnumber"),
                "default_md = sha256", ""));
        if (!Files.exists(dir.resolve("crlnumber"))) {
            Files.writeString(dir.resolve("crlnumber"), "01\n");
        }
        run(dir, "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca.key", "-cert", "ca.pem", "-crlhours",
                Integer.toString(hours), "-out", "crl.pem", "-batch");
        run(dir, "crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der");
        return Files.readAllBytes(dir.resolve("crl.der"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

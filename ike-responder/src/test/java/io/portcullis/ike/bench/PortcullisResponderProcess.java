package io.portcullis.ike.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link BenchResponder} in its own JVM in the Portcullis namespace, spoken to over its stdin/stdout. */
final class PortcullisResponderProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    /** The live heap after a full GC and the responder's IKE SA count. */
    record Heap(long usedBytes, int ikeSas) {
    }

    private PortcullisResponderProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
    }

    static PortcullisResponderProcess start(Path pkiDir, String namespace, String address, List<String> jvmOptions,
            Path log) throws IOException {
        List<String> command = new ArrayList<>(Shell.in(namespace, Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchResponder.class.getName(),
                pkiDir.toString(), address));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        PortcullisResponderProcess responder = new PortcullisResponderProcess(process);
        String line = responder.out.readLine();
        while (line != null && !line.equals("READY")) { // the JVM may print first (e.g. a flight recording starting)
            line = responder.out.readLine();
        }
        if (line == null) {
            responder.close();
            throw new IllegalStateException("the Portcullis responder did not start; see " + log);
        }
        return responder;
    }

    long pid() {
        return process.pid();
    }

    Heap heap() throws IOException {
        in.println("heap");
        String line = out.readLine();
        while (line != null && !line.startsWith("HEAP ")) {
            line = out.readLine();
        }
        String[] parts = line == null ? new String[0] : line.split(" ");
        if (parts.length < 4 || !parts[0].equals("HEAP")) {
            throw new IllegalStateException("unexpected answer from the responder: " + line);
        }
        return new Heap(Long.parseLong(parts[1]), Integer.parseInt(parts[3]));
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package io.portcullis.ike.tun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's {@code ip} with an argument list (never a shell line, so no value is ever parsed by a
 * shell). Link and route changes are rare control-plane events (device start, a tunnel up or down), so a
 * process per change costs nothing that matters, and {@code ip} is the tool operators read and trust; a
 * hand-written rtnetlink codec through JNA would be more native code for no gain on the packet path.
 */
public class IpCommand {
    private static final long TIMEOUT_SECONDS = 10;

    private final String executable;

    public IpCommand(String executable) {
        this.executable = executable;
    }

    /** Runs {@code ip args...}; throws with ip's own message when it fails. */
    public String run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + executable + "' (iproute2): " + e.getMessage(), e);
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
    }
}

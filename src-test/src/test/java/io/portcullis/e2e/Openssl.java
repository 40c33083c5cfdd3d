package io.portcullis.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real openssl command line client. A missing openssl fails the test, never skips it. */
public final class Openssl {

    private Openssl() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl " + String.join(" ", args) + " timed out");
        }
        return new Result(process.exitValue(), output);
    }

    public static String ok(Path workDir, String... args) throws IOException, InterruptedException {
        Result result = run(workDir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }
}

package io.portcullis.e2e.ike;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A strongSwan charon (IKEv1 initiator, kernel-libipsec because this kernel has no XFRM ESP) in
 * a network namespace, with its own {@code /run} (a private tmpfs in a private mount namespace)
 * and its own vici socket, driven by swanctl. The process is this object's child: closing it
 * stops exactly that charon.
 */
final class Charon implements AutoCloseable {

    private final Path dir;
    private final Process process;

    private Charon(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    static Charon start(Path dir, String namespace) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("x509"));
        Files.createDirectories(dir.resolve("x509ca"));
        Files.createDirectories(dir.resolve("private"));
        // A charon killed before (a restarted peer) leaves its socket file behind; waiting for it below must see the new one.
        Files.deleteIfExists(dir.resolve("charon.vici"));
        Files.writeString(dir.resolve("strongswan.conf"), String.join("\n",
                "charon {",
                "  load = random nonce aes sha1 sha2 hmac md5 pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp"
                        + " openssl curl kernel-libipsec kernel-netlink socket-default vici updown",
                "  retransmit_tries = 2",
                "  retransmit_timeout = 2.0",
                "  plugins {",
                "    vici {",
                "      socket = unix://" + dir.resolve("charon.vici"),
                "    }",
                "    kernel-libipsec {",
                "      allow_peer_ts = yes",
                "    }",
                "  }",
                "  filelog {",
                "    peerlog {",
                "      path = " + dir.resolve("charon.log"),
                "      default = 1",
                "      ike = 2",
                "      cfg = 2",
                "      flush_line = yes",
                "    }",
                "  }",
                "}", ""));
        // unshare and sh exec in place, so the Java child is charon itself.
        Process process = new ProcessBuilder(Commands.in(namespace, "unshare", "-m", "sh", "-c",
                "mount -t tmpfs none /run && STRONGSWAN_CONF=" + dir.resolve("strongswan.conf")
                        + " exec /usr/lib/ipsec/charon"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("charon.stdout").toFile()).start();
        Charon charon = new Charon(dir, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(dir.resolve("charon.vici"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                charon.close();
                throw new IllegalStateException("charon did not start: " + Files.readString(dir.resolve("charon.stdout")));
            }
            Thread.sleep(100);
        }
        return charon;
    }

    Path dir() {
        return dir;
    }

    private List<String> swanctl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("swanctl"));
        command.addAll(List.of(args));
        command.addAll(List.of("--uri", "unix://" + dir.resolve("charon.vici")));
        return command;
    }

    /** Loads this swanctl.conf and the credentials beside it (x509/, x509ca/, private/). */
    void load(String swanctlConf) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("swanctl.conf"), swanctlConf);
        Commands.Result result = Commands.run(30, swanctl("--load-all", "--file", dir.resolve("swanctl.conf").toString()));
        if (!result.ok()) {
            throw new IllegalStateException("swanctl --load-all failed: " + result.output());
        }
    }

    /** Main Mode + Quick Mode for the child; the output says "initiate completed successfully" on success. */
    Commands.Result initiate(String child, int timeoutSeconds) throws IOException, InterruptedException {
        return Commands.run(timeoutSeconds + 15L, swanctl("--initiate", "--child", child, "--timeout",
                Integer.toString(timeoutSeconds)));
    }

    String listSas() throws IOException, InterruptedException {
        return Commands.run(30, swanctl("--list-sas")).output();
    }

    void terminateIke(String name) throws IOException, InterruptedException {
        Commands.run(30, swanctl("--terminate", "--ike", name, "--timeout", "5"));
    }

    String log() throws IOException {
        Path log = dir.resolve("charon.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no DELETE leaves, as when the peer's host crashes or loses power. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

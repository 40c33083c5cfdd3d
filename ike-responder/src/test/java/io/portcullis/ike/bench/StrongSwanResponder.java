package io.portcullis.ike.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * strongSwan's charon as the reference responder: kernel-libipsec (this kernel has no XFRM ESP),
 * its own {@code /run} in a private mount namespace, in the benchmark's strongSwan namespace,
 * with the bench PKI and the same algorithms as the Portcullis responder's defaults offer. Tuned
 * the way strongSwan documents for many SAs (a hashed IKE SA table instead of the default single
 * row). The child of this object is charon itself, so closing stops exactly that process.
 */
final class StrongSwanResponder implements AutoCloseable {

    private final Path dir;
    private final Process process;

    private StrongSwanResponder(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /**
     * @param ansiX942Exponents strongSwan's default: DH private exponents as long as the prime
     *     (X9.42); {@code false} sizes them to the group's strength, as Portcullis does (320 bits
     *     for MODP-2048), so both responders do the same modular arithmetic
     */
    static StrongSwanResponder start(Path dir, Path pkiDir, String namespace, String address, boolean ansiX942Exponents)
            throws IOException, InterruptedException {
        for (String sub : List.of("x509", "x509ca", "private")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.copy(pkiDir.resolve(BenchPki.CA), dir.resolve("x509ca").resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pkiDir.resolve(BenchPki.GATEWAY), dir.resolve("x509").resolve("gw.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pkiDir.resolve(BenchPki.GATEWAY_KEY), dir.resolve("private").resolve("gw.key"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("strongswan.conf"), String.join("\n",
                "charon {",
                "  load = random nonce aes sha1 sha2 hmac md5 pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp"
                        + " openssl curl kernel-libipsec kernel-netlink socket-default vici updown",
                "  ikesa_table_size = 4096",
                "  ikesa_table_segments = 16",
                // One initiator address drives every handshake: the per-address half-open bound
                // (5 by default) is raised, as the Portcullis responder's is (BenchResponder).
                "  block_threshold = 4096",
                "  plugins {",
                "    vici {",
                "      socket = unix://" + dir.resolve("charon.vici"),
                "    }",
                "    kernel-libipsec {",
                "      allow_peer_ts = yes",
                "    }",
                "  }",
                "  filelog {",
                "    bench {",
                "      path = " + dir.resolve("charon.log"),
                "      default = " + System.getProperty("bench.charon.loglevel", "0"),
                "    }",
                "  }",
                "}",
                "libstrongswan {",
                "  dh_exponent_ansi_x9_42 = " + (ansiX942Exponents ? "yes" : "no"),
                "}", ""));
        Files.writeString(dir.resolve("swanctl.conf"), String.join("\n",
                "connections {",
                "  bench {",
                "    version = 1",
                "    local_addrs = " + address,
                "    proposals = aes128-sha256-modp2048",
                "    local {",
                "      auth = pubkey",
                "      certs = gw.pem",
                "      id = gw.test",
                "    }",
                "    remote {",
                "      auth = pubkey",
                "      id = *.test",
                "    }",
                "    children {",
                "      bench {",
                "        local_ts = 198.51.100.0/24",
                "        remote_ts = " + BenchPki.PEER_SUBNETS,
                "        esp_proposals = aes128-sha256-modp2048,aes128-sha256",
                "      }",
                "    }",
                "  }",
                "}", ""));
        Process process = new ProcessBuilder(Shell.in(namespace, "unshare", "-m", "sh", "-c",
                "mount -t tmpfs none /run && STRONGSWAN_CONF=" + dir.resolve("strongswan.conf")
                        + " exec /usr/lib/ipsec/charon"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("charon.stdout").toFile()).start();
        StrongSwanResponder charon = new StrongSwanResponder(dir, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(dir.resolve("charon.vici"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                charon.close();
                throw new IllegalStateException("charon did not start: " + Files.readString(dir.resolve("charon.stdout")));
            }
            Thread.sleep(100);
        }
        Shell.ok(charon.swanctl("--load-all", "--file", dir.resolve("swanctl.conf").toString()));
        return charon;
    }

    private List<String> swanctl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("swanctl"));
        command.addAll(List.of(args));
        command.addAll(List.of("--uri", "unix://" + dir.resolve("charon.vici")));
        return command;
    }

    long pid() {
        return process.pid();
    }

    /** IKE SAs charon holds ({@code swanctl --stats}). */
    int ikeSas() throws IOException, InterruptedException {
        Matcher m = Pattern.compile("IKE_SAs: (\\d+) total").matcher(Shell.ok(swanctl("--stats")));
        if (!m.find()) {
            throw new IllegalStateException("swanctl --stats without an IKE_SA count");
        }
        return Integer.parseInt(m.group(1));
    }

    String logTail() throws IOException {
        Path log = dir.resolve("charon.log");
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

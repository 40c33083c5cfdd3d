package io.portcullis.ike.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Two network namespaces, one per responder, each joined to the benchmark's own namespace by a
 * veth pair on a /30 of 198.19.0.0/16 (RFC 2544 benchmarking space): Portcullis at .2, strongSwan
 * at .6. Names carry a random suffix so concurrent runs do not collide; closing deletes both.
 */
final class BenchNetwork implements AutoCloseable {

    final String portcullis;
    final String strongswan;
    final String portcullisAddress;
    final String strongswanAddress;
    private final String suffix;
    private final String prefix;

    private BenchNetwork(String suffix, int octet) {
        this.suffix = suffix;
        this.portcullis = "pcbench-pc-" + suffix;
        this.strongswan = "pcbench-ss-" + suffix;
        this.prefix = "198.19." + octet + ".";
        this.portcullisAddress = prefix + "2";
        this.strongswanAddress = prefix + "6";
    }

    static BenchNetwork create() throws IOException, InterruptedException {
        SecureRandom random = new SecureRandom();
        BenchNetwork net = new BenchNetwork(HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt()}),
                1 + random.nextInt(250));
        try {
            net.link(net.portcullis, "pcbp" + net.suffix, 1);
            net.link(net.strongswan, "pcbs" + net.suffix, 5);
        } catch (IOException | InterruptedException | RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    private void link(String namespace, String hostEnd, int hostOctet) throws IOException, InterruptedException {
        String inner = hostEnd + "i";
        Shell.ok(List.of("ip", "netns", "add", namespace));
        Shell.ok(List.of("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", inner));
        Shell.ok(List.of("ip", "link", "set", inner, "netns", namespace));
        Shell.ok(List.of("ip", "addr", "add", prefix + hostOctet + "/30", "dev", hostEnd));
        Shell.ok(List.of("ip", "link", "set", hostEnd, "up"));
        Shell.ok(List.of("ip", "-n", namespace, "addr", "add", prefix + (hostOctet + 1) + "/30", "dev", inner));
        Shell.ok(List.of("ip", "-n", namespace, "link", "set", inner, "up"));
        Shell.ok(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        // The protected side's address: charon (kernel-libipsec) routes the tunnel from it.
        Shell.ok(List.of("ip", "-n", namespace, "addr", "add", "198.51.100.1/32", "dev", "lo"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Deleting a namespace deletes the veth end inside it, and with it the host end.
        Shell.run(List.of("ip", "netns", "del", portcullis));
        Shell.run(List.of("ip", "netns", "del", strongswan));
    }
}

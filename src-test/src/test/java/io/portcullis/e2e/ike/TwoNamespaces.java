package io.portcullis.e2e.ike;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The test network of STRONGSWAN.md: a gateway namespace (Portcullis) and a peer namespace
 * (strongSwan) joined by a veth pair on 192.0.2.0/24 (gateway .1, peer .2), protected addresses
 * on {@code lo} (198.51.100.1 behind the gateway, 203.0.113.x behind the peer), and a management
 * veth from the test's own namespace to the gateway (198.18.N.1/.2, RFC 2544 space) for the
 * REST API. Names carry a random suffix so concurrent runs do not collide.
 */
final class TwoNamespaces implements AutoCloseable {

    static final String GATEWAY_ADDRESS = "192.0.2.1";
    static final String PEER_ADDRESS = "192.0.2.2";
    static final String GATEWAY_PROTECTED = "198.51.100.1";

    final String gateway;
    final String peer;
    final String managementHost;
    final String managementGateway;
    private final String suffix;

    private TwoNamespaces(String suffix, int octet) {
        this.suffix = suffix;
        this.gateway = "pcgw-" + suffix;
        this.peer = "pcpeer-" + suffix;
        this.managementHost = "198.18." + octet + ".1";
        this.managementGateway = "198.18." + octet + ".2";
    }

    static TwoNamespaces create(String... peerInnerAddresses) throws IOException, InterruptedException {
        SecureRandom random = new SecureRandom();
        String suffix = HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt()});
        TwoNamespaces net = new TwoNamespaces(suffix, 1 + random.nextInt(250));
        try {
            net.build(peerInnerAddresses);
        } catch (IOException | InterruptedException | RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    private void build(String[] peerInner) throws IOException, InterruptedException {
        String vg = "pcvg" + suffix;
        String vp = "pcvp" + suffix;
        String mh = "pcmh" + suffix;
        String mg = "pcmg" + suffix;
        Commands.ok("ip", "netns", "add", gateway);
        Commands.ok("ip", "netns", "add", peer);
        Commands.ok("ip", "link", "add", vg, "type", "veth", "peer", "name", vp);
        Commands.ok("ip", "link", "set", vg, "netns", gateway);
        Commands.ok("ip", "link", "set", vp, "netns", peer);
        Commands.ok("ip", "link", "add", mh, "type", "veth", "peer", "name", mg);
        Commands.ok("ip", "link", "set", mg, "netns", gateway);
        Commands.ok("ip", "addr", "add", managementHost + "/30", "dev", mh);
        Commands.ok("ip", "link", "set", mh, "up");
        Commands.ok("ip", "-n", gateway, "addr", "add", managementGateway + "/30", "dev", mg);
        Commands.ok("ip", "-n", gateway, "link", "set", mg, "up");
        Commands.ok("ip", "-n", gateway, "addr", "add", GATEWAY_ADDRESS + "/24", "dev", vg);
        Commands.ok("ip", "-n", gateway, "link", "set", vg, "up");
        Commands.ok("ip", "-n", gateway, "link", "set", "lo", "up");
        Commands.ok("ip", "-n", gateway, "addr", "add", GATEWAY_PROTECTED + "/32", "dev", "lo");
        Commands.ok("ip", "-n", peer, "addr", "add", PEER_ADDRESS + "/24", "dev", vp);
        Commands.ok("ip", "-n", peer, "link", "set", vp, "up");
        Commands.ok("ip", "-n", peer, "link", "set", "lo", "up");
        for (String inner : peerInner) {
            Commands.ok("ip", "-n", peer, "addr", "add", inner + "/32", "dev", "lo");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Deleting a namespace deletes the veth ends inside it and so their peers; the management
        // host end goes with its peer in the gateway namespace. Each step runs even if one fails.
        Commands.run("ip", "netns", "del", peer);
        Commands.run("ip", "netns", "del", gateway);
        Commands.run("ip", "link", "del", "pcmh" + suffix);
    }
}

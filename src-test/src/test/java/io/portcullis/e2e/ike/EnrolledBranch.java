package io.portcullis.e2e.ike;

import io.portcullis.e2e.PackagedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usual stage of the tunnel tests: the packaged server as gateway {@code fqdn:gw.test} protecting
 * 198.51.100.0/24 in one network namespace, and strongSwan in the other as peer {@code branch1}
 * (FQDN branch1.test, 203.0.113.0/24), registered by the administrator and enrolled over REST.
 * strongSwan is started but has no connection loaded yet.
 */
final class EnrolledBranch implements AutoCloseable {

    static final String PASSWORD = "e2e-admin-password";
    static final String PEER_INNER = "203.0.113.1";
    static final String GATEWAY_INNER = TwoNamespaces.GATEWAY_PROTECTED;
    private static final int HTTP_PORT = 8080;

    final Path tmp;
    final TwoNamespaces net;
    final PackagedServer server;
    final String token;
    final Charon charon;

    private EnrolledBranch(Path tmp, TwoNamespaces net, PackagedServer server, String token, Charon charon) {
        this.tmp = tmp;
        this.net = net;
        this.server = server;
        this.token = token;
        this.charon = charon;
    }

    /**
     * Starts both sides; {@code gatewaySettings} come on top of the stage's own (IKE on, the TUN device
     * {@code tun}, expiry checked every second). Whatever was started is stopped again if a later step fails.
     */
    static EnrolledBranch start(String name, String tun, Map<String, String> gatewaySettings) throws Exception {
        Path tmp = Files.createTempDirectory(name);
        TwoNamespaces net = null;
        PackagedServer server = null;
        try {
            net = TwoNamespaces.create(PEER_INNER);
            Map<String, String> env = new HashMap<>(Map.of(
                    "PORTCULLIS_ADMIN_PASSWORD", PASSWORD,
                    "PORTCULLIS_PUBLIC_URL", "http://" + net.managementGateway + ":" + HTTP_PORT,
                    "PORTCULLIS_IKE_ENABLED", "true",
                    "PORTCULLIS_IKE_ID", "fqdn:gw.test",
                    "PORTCULLIS_IKE_SUBNETS", "198.51.100.0/24",
                    "PORTCULLIS_IKE_TUN_NAME", tun,
                    "PORTCULLIS_IKE_EXPIRE_INTERVAL", "PT1S"));
            env.putAll(gatewaySettings);
            server = PackagedServer.start(tmp.resolve("server-data"), env, List.of("ip", "netns", "exec", net.gateway),
                    net.managementGateway, HTTP_PORT);
            String token = server.login("admin", PASSWORD);
            Path dir = PeerCredentials.charonDirectory(server, tmp.resolve("charon"));
            PeerCredentials.enrolled(server, token, dir, "branch1", "fqdn", "branch1.test", "/CN=branch1.test",
                    "DNS:branch1.test", "203.0.113.0/24");
            return new EnrolledBranch(tmp, net, server, token, Charon.start(dir, net.peer));
        } catch (Exception | Error e) {
            TestHosts.closeAll(server, net);
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        TestHosts.closeAll(charon, server, net);
    }
}

package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.portcullis.e2e.Openssl;
import io.portcullis.e2e.PackagedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md data flow 2 for a gateway that runs apart from the CA: two packaged server processes share one
 * database (H2 in server mode); only instance B runs the IKE gateway, and a strongSwan peer has a tunnel to
 * it. The peer's certificate is revoked through instance A's REST API, so B's process sees no revocation
 * event: only B's periodic re-check of connected peers (fresh OCSP to the certificate's AIA, which is B's
 * own responder) can find it. First B's OCSP must answer {@code revoked} once its cache re-reads the shared
 * database; then the DELETE must reach strongSwan within the re-check interval plus 5 s.
 *
 * <p>Needs root (network namespaces, TUN, UDP 500/4500); fails, never skips, without it.
 */
class RevocationApartFromCaE2ETest {

    private static final String PASSWORD = "e2e-admin-password";
    private static final int GATEWAY_HTTP = 8080;
    private static final int CA_HTTP = 8081;
    private static final int RECHECK_SECONDS = 4;
    private static final int OCSP_RECHECK_SECONDS = 2;
    private static final String PEER_INNER = "203.0.113.1";

    private TwoNamespaces net;
    private PackagedServer gatewayInstance;
    private PackagedServer caInstance;
    private Charon charon;

    @AfterEach
    void stopAll() throws Exception {
        TestHosts.closeAll(charon, caInstance, gatewayInstance, net);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void revocationThroughTheOtherInstanceReachesTheGatewayOnlyThroughItsPeriodicRecheck() throws Exception {
        TestHosts.requireRootAndTools("/usr/lib/ipsec/charon", "/usr/sbin/swanctl", "/usr/bin/openssl", "/usr/bin/unshare");
        Path tmp = Files.createTempDirectory("revocation-apart-e2e");
        net = TwoNamespaces.create(PEER_INNER);
        Path data = tmp.resolve("shared");
        Map<String, String> common = new HashMap<>(Map.of(
                "PORTCULLIS_ADMIN_PASSWORD", PASSWORD,
                // Certificates point their OCSP and CRL at B, the instance that runs the gateway.
                "PORTCULLIS_PUBLIC_URL", "http://" + net.managementGateway + ":" + GATEWAY_HTTP,
                "PORTCULLIS_OCSP_RECHECK_AFTER", "PT" + OCSP_RECHECK_SECONDS + "S",
                // H2's server mode writes an address into its lock file for the second process to connect to:
                // inside the gateway's namespace only loopback is sure to be the same for both.
                "JAVA_TOOL_OPTIONS", "-Dh2.bindAddress=127.0.0.1"));
        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.putAll(Map.of("PORTCULLIS_IKE_ENABLED", "true", "PORTCULLIS_IKE_ID", "fqdn:gw.test",
                "PORTCULLIS_IKE_SUBNETS", "198.51.100.0/24", "PORTCULLIS_IKE_TUN_NAME", "pcrv0",
                "PORTCULLIS_IKE_REVOCATION", "strict",
                "PORTCULLIS_IKE_REVOCATION_RECHECK_INTERVAL", "PT" + RECHECK_SECONDS + "S"));
        List<String> inGateway = List.of("ip", "netns", "exec", net.gateway);
        gatewayInstance = PackagedServer.start(data, gatewayEnv, inGateway, net.managementGateway, GATEWAY_HTTP);
        caInstance = PackagedServer.start(data, common, inGateway, net.managementGateway, CA_HTTP);
        assertThat(caInstance.logText()).doesNotContain("IKE responder listening");
        String token = caInstance.login("admin", PASSWORD);

        Path dir = PeerCredentials.charonDirectory(caInstance, tmp.resolve("charon"));
        Path certificate = PeerCredentials.enrolled(caInstance, token, dir, "branch1", "fqdn", "branch1.test",
                "/CN=branch1.test", "DNS:branch1.test", "203.0.113.0/24");
        String serial = caInstance.json("GET", "/api/v1/certificates?q=branch1.test", token, null, 200)
                .get("items").get(0).get("serial").asText();
        charon = Charon.start(dir, net.peer);
        charon.load(connection());
        Commands.Result up = charon.initiate("apart", 30);
        if (!up.output().contains("initiate completed successfully")) {
            fail("strongSwan could not establish the tunnel:\n" + up.output() + "\n--- gateway ---\n"
                    + gatewayInstance.logText());
        }
        assertThat(ocsp(dir, certificate)).contains("Response verify OK").contains(": good");

        caInstance.json("POST", "/api/v1/certificates/" + serial + "/revoke", token, Map.of("reason", "keyCompromise"), 200);
        long revokedAt = System.nanoTime();

        // B's own OCSP responder learns it from the shared database within its re-check time.
        String answer = ocsp(dir, certificate);
        while (!answer.contains(": revoked")) {
            assertThat(seconds(revokedAt)).as("B's OCSP still answers from a stale cache: %s", answer)
                    .isLessThan(OCSP_RECHECK_SECONDS + 3.0);
            Thread.sleep(200);
            answer = ocsp(dir, certificate);
        }

        // The gateway in B never saw the revocation event; its periodic re-check finds it and sends DELETE.
        while (charon.listSas().contains("apart:")) {
            if (seconds(revokedAt) > RECHECK_SECONDS + 5) {
                fail("strongSwan still holds the tunnel " + seconds(revokedAt) + " s after the revocation\n--- gateway ---\n"
                        + gatewayInstance.logText());
            }
            Thread.sleep(100);
        }
        assertThat(seconds(revokedAt)).isLessThanOrEqualTo(RECHECK_SECONDS + 5.0);
        assertThat(charon.log()).contains("received DELETE for IKE_SA apart");
        assertThat(gatewayInstance.logText()).contains("ike: re-check found certificate").contains("cause=LOCAL_DELETE");
        assertThat(caInstance.logText()).doesNotContain("ike: ");
    }

    private String ocsp(Path dir, Path certificate) throws Exception {
        return Openssl.ok(dir, "ocsp", "-issuer", dir.resolve("x509ca").resolve("issuing.pem").toString(), "-cert",
                certificate.toString(), "-url", gatewayInstance.url("/ocsp"), "-CAfile",
                dir.resolve("x509ca").resolve("root.pem").toString());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String connection() {
        return SwanctlConnection.branch1("apart").config();
    }
}

package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.PackagedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * IKE SA lifetime and re-authentication against a real strongSwan peer (kernel-libipsec, {@code encap = yes}) on
 * the packaged server carrying ESP through its TUN device, with the gateway's IKE SA lifetime cut to 30 s:
 * <ul>
 *   <li>strongSwan's default proposal (4 h 24 min) is longer than that and is refused (NO_PROPOSAL_CHOSEN): the
 *       gateway cannot start a Main Mode itself, so it never lets its IKE SA end before the initiator's, which
 *       re-authenticates in time;</li>
 *   <li>with a 20 s rekey_time (a 30 s proposal) strongSwan re-authenticates twice during a 45 s TCP flow: each
 *       time a new Main Mode, its IPsec SA moved to the new IKE SA and the old ISAKMP SA deleted. The gateway's
 *       new IKE SA adopts the pair, so the flow has no second without data, the same pair carries a ping
 *       afterwards, and the gateway lists exactly one IKE SA for the peer.</li>
 * </ul>
 * Needs root (network namespaces, TUN, UDP 500/4500); fails, never skips, without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReauthenticationE2ETest {

    private static final String PEER_INNER = EnrolledBranch.PEER_INNER;
    private static final String GATEWAY_INNER = EnrolledBranch.GATEWAY_INNER;
    private static final String TUN = "pcra0";
    private static final int IKE_LIFETIME_SECONDS = 30;

    private EnrolledBranch stage;
    private Path tmp;
    private TwoNamespaces net;
    private PackagedServer server;
    private Charon charon;
    private String token;

    @BeforeAll
    void enrollAndStart() throws Exception {
        TestHosts.requireRootAndTools("/usr/lib/ipsec/charon", "/usr/sbin/swanctl", "/usr/bin/openssl", "/usr/bin/unshare",
                "/usr/bin/iperf3");
        stage = EnrolledBranch.start("reauthentication-e2e", TUN, Map.of(
                "PORTCULLIS_IKE_ALGORITHMS_MAX_IKE_LIFETIME", "PT" + IKE_LIFETIME_SECONDS + "S"));
        tmp = stage.tmp;
        net = stage.net;
        server = stage.server;
        token = stage.token;
        charon = stage.charon;
    }

    @AfterAll
    void stopAll() throws Exception {
        TestHosts.closeAll(stage);
    }

    @Test
    @Order(1)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void proposalLongerThanTheGatewaysIkeLifetimeIsRefused() throws Exception {
        load("long", ""); // strongSwan's defaults: rekey_time 4h, over_time 24 min
        Commands.Result result = charon.initiate("long", 15);
        assertThat(result.output()).doesNotContain("initiate completed successfully");
        assertThat(charon.log()).contains("received NO_PROPOSAL_CHOSEN error notify");
        assertThat(ikeSas()).isEmpty();
    }

    @Test
    @Order(2)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void peerReauthenticatesWithinTheGatewaysIkeLifetimeAndTheTunnelCarriesOn() throws Exception {
        // Proposes rekey_time + over_time = 30 s; re-authenticates 18-20 s after each Main Mode.
        load("reauth", "    rekey_time = 20s\n    over_time = 10s\n    rand_time = 2s\n");
        Commands.Result result = charon.initiate("reauth", 30);
        if (!result.output().contains("initiate completed successfully")) {
            fail("strongSwan could not establish:\n" + result.output() + "\n--- gateway log ---\n" + TestHosts.tail(server.logText()));
        }
        JsonNode first = onlyIkeSa();
        assertThat(first.get("lifetimeSeconds").asLong()).as("the IKE SA lifetime strongSwan proposed, the gateway's maximum")
                .isEqualTo(IKE_LIFETIME_SECONDS);
        String inboundSpi = first.get("ipsecSas").get(0).get("inboundSpi").asText();

        JsonNode flow = iperf(45);
        assertThat(flow.has("error")).as(flow.toString()).isFalse();
        for (JsonNode interval : flow.get("intervals")) {
            assertThat(interval.at("/sum/bytes").asLong()).as("no second of the flow without data: %s", flow.get("intervals"))
                    .isPositive();
        }
        String peerLog = charon.log();
        assertThat(count(Pattern.compile("IKE_SA reauth\\[(\\d+)] established"), peerLog))
                .as("strongSwan re-authenticated (new IKE_SAs) during the flow:\n%s", TestHosts.tail(peerLog)).isGreaterThanOrEqualTo(3);
        Matcher firstSa = Pattern.compile("IKE_SA reauth\\[(\\d+)] established").matcher(peerLog);
        assertThat(firstSa.find()).isTrue();
        assertThat(peerLog).as("strongSwan deleted the IKE SA it replaced")
                .contains("sending DELETE for IKE_SA reauth[" + firstSa.group(1) + "]");
        String gatewayLog = server.logText();
        assertThat(gatewayLog).as("the new IKE SA took the pair over").containsPattern(
                "ike: IPsec SA adopted sa=\\[[^]]*] in=" + inboundSpi + " out=[0-9a-f]{8} from=\\[[^]]*]: the peer re-authenticated");
        assertThat(gatewayLog).contains("cause=PEER_DELETE").doesNotContain("removed (PEER_DELETE)");

        ping();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ikeSas().size() != 1) { // a re-authentication may be between its Main Mode and its DELETE
            if (System.nanoTime() > deadline) {
                fail("the gateway lists " + ikeSas());
            }
            Thread.sleep(200);
        }
        JsonNode last = onlyIkeSa();
        assertThat(last.get("id").asText()).as("a newer IKE SA than the first").isNotEqualTo(first.get("id").asText());
        List<String> spis = new ArrayList<>();
        last.get("ipsecSas").forEach(child -> spis.add(child.get("inboundSpi").asText()));
        assertThat(spis).as("the original pair, adopted by each new IKE SA").containsExactly(inboundSpi);
        charon.terminateIke("reauth");
    }

    // ---- helpers ----

    private void load(String name, String connectionExtra) throws Exception {
        charon.load(SwanctlConnection.branch1(name).withEspProposals("aes128gcm16-modp2048").withConnectionExtra(connectionExtra).config());
    }

    private JsonNode ikeSas() throws Exception {
        return server.json("GET", "/api/v1/ike/sas", token, null, 200);
    }

    private JsonNode onlyIkeSa() throws Exception {
        JsonNode sas = ikeSas();
        assertThat(sas).as("IKE SAs: %s", sas).hasSize(1);
        return sas.get(0);
    }

    private void ping() throws Exception {
        Commands.Result result = Commands.run(30, Commands.in(net.peer, "ping", "-c", "3", "-i", "0.2", "-W", "2", "-I",
                PEER_INNER, GATEWAY_INNER));
        assertThat(result.ok()).as("ping after the re-authentications:\n%s", result.output()).isTrue();
    }

    /** iperf3 TCP from the peer to the gateway for {@code seconds}; the client's JSON. */
    private JsonNode iperf(int seconds) throws Exception {
        return Iperf.tcp(net, PEER_INNER, GATEWAY_INNER, seconds, false, tmp, server);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

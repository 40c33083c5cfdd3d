package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.PackagedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A peer whose host dies without a word (strongSwan killed with SIGKILL: no DELETE) and comes back: its new charon
 * sends INITIAL-CONTACT in Main Mode, and the gateway replaces the dead peer's IKE SA and IPsec SA pair at once
 * instead of keeping them until DPD or their lifetimes end. Real strongSwan (kernel-libipsec, {@code encap = yes})
 * in network namespaces, the packaged server carrying ESP through its TUN device. Needs root; fails, never skips,
 * without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartedPeerE2ETest {

    private static final String TUN = "pcrp0";

    private EnrolledBranch stage;
    private PackagedServer server;
    private Charon restarted;

    @BeforeAll
    void enrollAndStart() throws Exception {
        TestHosts.requireRootAndTools("/usr/lib/ipsec/charon", "/usr/sbin/swanctl", "/usr/bin/openssl", "/usr/bin/unshare");
        stage = EnrolledBranch.start("restarted-peer-e2e", TUN, Map.of());
        server = stage.server;
    }

    @AfterAll
    void stopAll() throws Exception {
        TestHosts.closeAll(restarted, stage);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void restartedPeerReplacesItsOldTunnelThroughInitialContact() throws Exception {
        String connection = SwanctlConnection.branch1("restart").config();
        establish(stage.charon, connection);
        JsonNode before = onlyIkeSa();
        String oldIkeSa = before.get("id").asText();
        String oldInbound = before.get("ipsecSas").get(0).get("inboundSpi").asText();
        ping();

        stage.charon.kill();
        restarted = Charon.start(stage.charon.dir(), stage.net.peer);
        establish(restarted, connection);

        assertThat(restarted.log()).as("the new charon announced itself as a fresh start")
                .containsPattern("generating ID_PROT request \\d+ \\[ .*N\\(INITIAL_CONTACT\\)");
        server.awaitLog(Pattern.compile("ike: INITIAL-CONTACT sa=\\["), Duration.ofSeconds(10));
        server.awaitLog(Pattern.compile("ike: IPsec SA deleted sa=\\[[^]]*] in=" + oldInbound
                + " out=[0-9a-f]{8} cause=INITIAL_CONTACT"), Duration.ofSeconds(10));
        JsonNode after = onlyIkeSa();
        assertThat(after.get("id").asText()).as("the dead peer's IKE SA is gone").isNotEqualTo(oldIkeSa);
        List<String> inbound = new ArrayList<>();
        after.get("ipsecSas").forEach(child -> inbound.add(child.get("inboundSpi").asText()));
        assertThat(inbound).as("one pair, the new one").hasSize(1).doesNotContain(oldInbound);
        ping();
    }

    private void establish(Charon charon, String connection) throws Exception {
        charon.load(connection);
        Commands.Result result = charon.initiate("restart", 30);
        if (!result.output().contains("initiate completed successfully")) {
            fail("strongSwan could not establish the tunnel:\n" + result.output() + "\n--- gateway log ---\n"
                    + TestHosts.tail(server.logText()));
        }
    }

    /** The gateway's one IKE SA (waiting briefly for a replaced one to leave the listing). */
    private JsonNode onlyIkeSa() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            JsonNode sas = server.json("GET", "/api/v1/ike/sas", stage.token, null, 200);
            if (sas.size() == 1 || System.nanoTime() > deadline) {
                assertThat(sas).as("IKE SAs listed by the gateway").hasSize(1);
                return sas.get(0);
            }
            Thread.sleep(100);
        }
    }

    private void ping() throws Exception {
        Commands.Result result = Commands.run(30, Commands.in(stage.net.peer, "ping", "-c", "3", "-i", "0.2", "-W", "2", "-I",
                EnrolledBranch.PEER_INNER, EnrolledBranch.GATEWAY_INNER));
        assertThat(result.ok()).as("ping through the tunnel:\n%s", result.output()).isTrue();
    }
}

package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.PackagedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** iperf3 TCP through the tunnel between the two namespaces: server in the gateway's, client in the peer's. */
final class Iperf {

    private Iperf() {
    }

    /**
     * One iperf3 run of {@code seconds}, peer → gateway, or gateway → peer when {@code reverse}; the
     * client's JSON. A failed run fails the test with iperf3's output and the end of the gateway's log.
     */
    static JsonNode tcp(TwoNamespaces net, String peerInner, String gatewayInner, int seconds, boolean reverse,
            Path workDir, PackagedServer gateway) throws Exception {
        Process serverSide = new ProcessBuilder(Commands.in(net.gateway, "iperf3", "-s", "-1", "-B", gatewayInner))
                .redirectErrorStream(true).redirectOutput(workDir.resolve("iperf3-server.txt").toFile()).start();
        try {
            Thread.sleep(500); // the server side binds before the client connects
            List<String> client = new ArrayList<>(Commands.in(net.peer, "iperf3", "-c", gatewayInner, "-B", peerInner,
                    "-t", Integer.toString(seconds), "-J"));
            if (reverse) {
                client.add("-R");
            }
            Commands.Result result = Commands.run(seconds + 60L, client);
            assertThat(result.ok()).as("iperf3 %s:\n%s\n--- gateway log ---\n%s", reverse ? "-R" : "", result.output(),
                    TestHosts.tail(gateway.logText())).isTrue();
            return PackagedServer.JSON.readTree(result.output());
        } finally {
            serverSide.destroy();
            serverSide.waitFor(5, TimeUnit.SECONDS);
        }
    }
}

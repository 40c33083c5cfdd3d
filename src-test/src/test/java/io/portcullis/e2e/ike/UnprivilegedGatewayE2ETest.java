package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.e2e.PackagedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server run by an ordinary user (nobody, via setpriv) with IKE on its standard
 * ports: it cannot bind UDP 500, says so in one line with the remedy, and serves everything else.
 * Needs root to drop to another user; fails, never skips, without it.
 */
class UnprivilegedGatewayE2ETest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void withoutPrivilegeTheGatewayLogsOneLineWithTheRemedyAndTheRestRuns() throws Exception {
        try (PackagedServer server = TestHosts.startAsNobody(tmp, Map.of(), "e2e-admin-password")) {
            String log = server.logText();
            List<String> ike = log.lines().filter(l -> l.contains("IKE responder disabled")).toList();
            assertThat(ike).hasSize(1);
            assertThat(ike.get(0)).contains("no privilege to bind UDP port 500")
                    .contains("setcap cap_net_bind_service=+ep $(readlink -f $(which java))")
                    .contains("PORTCULLIS_IKE_PORT");
            assertThat(server.get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(server.login("admin", "e2e-admin-password")).isNotBlank();
            // The gateway certificate was still issued at startup: the CA side does not depend on the sockets.
            assertThat(log).contains("IKE gateway certificate issued");
        }
    }
}

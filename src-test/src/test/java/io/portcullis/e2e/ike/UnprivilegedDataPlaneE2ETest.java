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
 * The packaged server run by an ordinary user (nobody) on unprivileged IKE ports: IKE runs, but without
 * CAP_NET_ADMIN there is no TUN device; the server says so in one line naming the missing capability and
 * keeps answering IKE. Needs root to drop to another user; fails, never skips, without it.
 */
class UnprivilegedDataPlaneE2ETest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void withoutCapNetAdminTheDataPlaneIsOffInOneLineAndIkeRuns() throws Exception {
        try (PackagedServer server = TestHosts.startAsNobody(tmp,
                Map.of("PORTCULLIS_IKE_PORT", "0", "PORTCULLIS_IKE_NATT_PORT", "0"), "e2e-admin-password")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!server.logText().contains("IKE responder listening") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String log = server.logText();
            assertThat(log).contains("IKE responder listening");
            List<String> off = log.lines().filter(l -> l.contains("ESP data plane off")).toList();
            assertThat(off).hasSize(1);
            assertThat(off.get(0)).contains("IKE runs without tunnel traffic").contains("CAP_NET_ADMIN");
            assertThat(log).doesNotContain("ESP data plane on TUN device");
            assertThat(server.get("/q/health/ready").statusCode()).isEqualTo(200);
        }
    }
}

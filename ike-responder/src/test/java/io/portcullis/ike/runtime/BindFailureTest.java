package io.portcullis.ike.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class BindFailureTest {

    @Test
    void missingPrivilegeNamesEveryRemedyInOneLine() {
        String line = BindFailure.describe(new InetSocketAddress(500), new BindException("Permission denied"));
        assertThat(line).doesNotContain("\n").contains("UDP port 500").contains("run as root")
                .contains("setcap cap_net_bind_service=+ep $(readlink -f $(which java))")
                .contains("PORTCULLIS_IKE_PORT").contains("PORTCULLIS_IKE_NATT_PORT").contains("keeps running");
        assertThat(BindFailure.describe(new InetSocketAddress(4500), new SocketException("Permission denied (Bind failed)")))
                .contains("no privilege");
    }

    @Test
    void anyOtherFailureStillNamesTheSettings() {
        assertThat(BindFailure.describe(new InetSocketAddress("127.0.0.1", 500), new SocketException("Cannot assign requested address")))
                .contains("/127.0.0.1:500").contains("PORTCULLIS_IKE_ADDRESS").contains("keeps running");
    }
}

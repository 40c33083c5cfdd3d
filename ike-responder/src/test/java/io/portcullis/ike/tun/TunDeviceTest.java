package io.portcullis.ike.tun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.esp.IpPrefix;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real TUN device (needs root / CAP_NET_ADMIN, as the rest of the gateway's network tests): a
 * packet the host routes into the device comes out of {@link TunDevice#read} as one IPv4 packet, and
 * the route goes with the last user. Fails, never skips, without the privilege.
 */
class TunDeviceTest {

    @Test
    void routedPacketIsReadFromTheDeviceAndRoutesAreReferenceCounted() throws Exception {
        try (TunDevice tun = TunDevice.open("pctest%d")) {
            assertThat(tun.name()).startsWith("pctest").doesNotContain("%");
            IpCommand ip = new IpCommand("ip");
            TunRoutes routes = new TunRoutes(ip, tun.name());
            routes.configureLink(1400);
            IpPrefix remote = IpPrefix.parse("203.0.113.192/27");
            routes.add(remote, IpPrefix.parse("198.51.100.0/24"));
            routes.add(remote, IpPrefix.parse("198.51.100.0/24"));
            assertThat(ip.run(List.of("-4", "route", "show", "dev", tun.name()))).contains("203.0.113.192/27");
            try (DatagramSocket socket = new DatagramSocket()) {
                byte[] hello = "hello tun".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(hello, hello.length, InetAddress.getByName("203.0.113.200"), 9));
            }
            byte[] buffer = new byte[2048];
            int n = 0;
            for (int i = 0; i < 20 && n <= 0; i++) {
                n = tun.read(buffer); // 0 after each poll interval without a packet
                // skip IPv6 router solicitations and the like
                if (n > 0 && (buffer[0] >> 4) != 4) {
                    n = 0;
                }
            }
            assertThat(n).isEqualTo(20 + 8 + 9);
            assertThat(buffer[9]).as("UDP").isEqualTo((byte) 17);
            assertThat(java.util.Arrays.copyOfRange(buffer, 16, 20)).isEqualTo(InetAddress.getByName("203.0.113.200").getAddress());
            routes.remove(remote);
            assertThat(ip.run(List.of("-4", "route", "show", "dev", tun.name()))).contains("203.0.113.192/27");
            routes.remove(remote);
            assertThat(ip.run(List.of("-4", "route", "show", "dev", tun.name()))).doesNotContain("203.0.113.192/27");
        }
    }

    @Test
    void hostileDeviceNamesAreRefusedBeforeAnySystemCall() {
        for (String name : new String[] {"", "a-name-longer-than-15", "bad/name", "..", "tun 0", "tun\u00e90"}) {
            assertThatThrownBy(() -> TunDevice.open(name)).isInstanceOf(TunUnavailableException.class)
                    .hasMessageContaining("invalid TUN device name");
        }
    }
}

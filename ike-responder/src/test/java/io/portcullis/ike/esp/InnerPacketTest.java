package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bounds-checked reading of inner IPv4/IPv6 headers. */
class InnerPacketTest {
    private final InnerPacket header = new InnerPacket();

    @Test
    void ipv4UdpHeaderGivesProtocolPortsAndLength() {
        byte[] p = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.2", 1234, 53, 10);
        assertThat(header.read(p, 0, p.length)).isTrue();
        assertThat(header.version()).isEqualTo(4);
        assertThat(header.length()).isEqualTo(38);
        assertThat(header.protocol()).isEqualTo(17);
        assertThat(header.sourcePort()).isEqualTo(1234);
        assertThat(header.destinationPort()).isEqualTo(53);
        assertThat(TrafficSelector.of("198.51.100.0/24").matches(header, true)).isTrue();
        assertThat(TrafficSelector.of("203.0.113.2/32").matches(header, false)).isTrue();
    }

    @Test
    void trailingBytesAfterTotalLengthAreNotPartOfThePacket() {
        byte[] p = Arrays.copyOf(Fixtures.ipv4Udp("198.51.100.1", "203.0.113.2", 1, 2, 0), 60); // TFC padding
        assertThat(header.read(p, 0, p.length)).isTrue();
        assertThat(header.length()).isEqualTo(28);
    }

    @Test
    void ipv4HeaderInconsistentWithItselfIsRejected() {
        byte[] p = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.2", 1, 2, 10);
        byte[] shortIhl = p.clone();
        shortIhl[0] = 0x44;
        assertThat(header.read(shortIhl, 0, shortIhl.length)).isFalse();
        byte[] longIhl = p.clone();
        longIhl[0] = 0x4F; // 60-octet header in a 38-octet packet
        assertThat(header.read(longIhl, 0, longIhl.length)).isFalse();
        byte[] version5 = p.clone();
        version5[0] = 0x55;
        assertThat(header.read(version5, 0, version5.length)).isFalse();
    }

    @Test
    void everyTruncationOfIpv4AndIpv6PacketsIsRejectedWithoutException() {
        for (byte[] p : new byte[][] {
                Fixtures.ipv4Udp("198.51.100.1", "203.0.113.2", 1, 2, 12),
                Fixtures.ipv6Udp("2001:db8::1", "2001:db8::2", 1, 2, 12)}) {
            for (int len = 0; len < p.length; len++) {
                assertThat(header.read(Arrays.copyOf(p, len), 0, len)).as("length %d", len).isFalse();
            }
            assertThat(header.read(p, 0, p.length)).isTrue();
        }
    }

    @Test
    void laterIpv4FragmentHasNoPorts() {
        byte[] p = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.2", 1234, 53, 10);
        p[7] = 0x10; // fragment offset 16 (x8 octets)
        assertThat(header.read(p, 0, p.length)).isTrue();
        assertThat(header.sourcePort()).isEqualTo(-1);
        assertThat(TrafficSelector.of("203.0.113.2/32", 17, 53).matches(header, false)).isFalse();
        assertThat(TrafficSelector.of("203.0.113.2/32", 17, 0).matches(header, false)).isTrue();
    }

    @Test
    void ipv6ExtensionHeadersAreWalkedToTheTransportHeader() {
        byte[] udp = Fixtures.ipv6Udp("2001:db8::1", "2001:db8::2", 4000, 500, 4);
        // Insert an 8-octet destination options header (next header 60) in front of UDP.
        byte[] p = new byte[udp.length + 8];
        System.arraycopy(udp, 0, p, 0, 40);
        System.arraycopy(udp, 40, p, 48, udp.length - 40);
        p[6] = 60;
        p[40] = 17; // its next header: UDP
        p[41] = 0;  // (0 + 1) * 8 octets
        int payload = p.length - 40;
        p[4] = (byte) (payload >>> 8);
        p[5] = (byte) payload;

        assertThat(header.read(p, 0, p.length)).isTrue();
        assertThat(header.protocol()).isEqualTo(17);
        assertThat(header.destinationPort()).isEqualTo(500);

        p[41] = 10; // claims 88 octets: runs past the packet
        assertThat(header.read(p, 0, p.length)).isFalse();
    }

    @Test
    void ipv6PayloadLengthBeyondDataIsRejected() {
        byte[] p = Fixtures.ipv6Udp("2001:db8::1", "2001:db8::2", 1, 2, 4);
        p[5] += 1;
        assertThat(header.read(p, 0, p.length)).isFalse();
    }
}

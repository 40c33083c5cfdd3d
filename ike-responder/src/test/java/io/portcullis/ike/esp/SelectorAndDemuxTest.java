package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Address prefixes, selector validation and the RFC 3948 port-4500 demultiplexer. */
class SelectorAndDemuxTest {

    @Test
    void prefixMatchesOnlyAddressesInsideIt() {
        IpPrefix p = IpPrefix.parse("198.51.100.128/25");
        assertThat(p.contains(Fixtures.v4("198.51.100.128"), 0, 4)).isTrue();
        assertThat(p.contains(Fixtures.v4("198.51.100.255"), 0, 4)).isTrue();
        assertThat(p.contains(Fixtures.v4("198.51.100.127"), 0, 4)).isFalse();
        assertThat(p.contains(Fixtures.v6("::ffff:198.51.100.200"), 0, 16)).as("other family").isFalse();
        assertThat(IpPrefix.parse("0.0.0.0/0").contains(Fixtures.v4("192.0.2.1"), 0, 4)).isTrue();
        assertThat(IpPrefix.parse("2001:db8:1::/48").contains(Fixtures.v6("2001:db8:1:ffff::1"), 0, 16)).isTrue();
        assertThat(IpPrefix.parse("2001:db8:1::/48").contains(Fixtures.v6("2001:db8:2::1"), 0, 16)).isFalse();
    }

    @Test
    void hostBitsAreIgnoredAndParsingRefusesNonLiterals() {
        assertThat(IpPrefix.parse("198.51.100.77/24")).isEqualTo(IpPrefix.parse("198.51.100.0/24"));
        assertThat(IpPrefix.parse("198.51.100.77").length()).isEqualTo(32);
        for (String bad : new String[] {"gw.test", "198.51.100/24", "198.51.100.256", "198.51.100.0/33", "1.2.3.4/", "::1/129"}) {
            assertThatThrownBy(() -> IpPrefix.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void portRangeWithoutProtocolIsRefused() {
        assertThatThrownBy(() -> new TrafficSelector(IpPrefix.parse("192.0.2.0/24"), 0, 53, 53))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonEspMarkerIntroducesIkeWithMarkerStripped() {
        byte[] d = {0, 0, 0, 0, 0x11, 0x22, 0x33};
        UdpEncapsulation.Demux r = UdpEncapsulation.classify(d, 0, d.length);
        assertThat(r).isEqualTo(new UdpEncapsulation.Demux(UdpEncapsulation.Kind.IKE, 4, 3));
    }

    @Test
    void singleFfOctetIsNatKeepalive() {
        assertThat(UdpEncapsulation.classify(new byte[] {(byte) 0xFF}, 0, 1).kind())
                .isEqualTo(UdpEncapsulation.Kind.NAT_KEEPALIVE);
        assertThat(UdpEncapsulation.classify(new byte[] {(byte) 0xFE}, 0, 1).kind())
                .isEqualTo(UdpEncapsulation.Kind.MALFORMED);
    }

    @Test
    void nonZeroFirstWordIsEspAndShortOrEmptyDatagramsAreMalformed() {
        byte[] esp = {0x20, 0, 0, 2, 0, 0, 0, 1};
        assertThat(UdpEncapsulation.classify(esp, 0, esp.length))
                .isEqualTo(new UdpEncapsulation.Demux(UdpEncapsulation.Kind.ESP, 0, 8));
        assertThat(UdpEncapsulation.classify(new byte[0], 0, 0).kind()).isEqualTo(UdpEncapsulation.Kind.MALFORMED);
        assertThat(UdpEncapsulation.classify(new byte[] {0, 0, 0}, 0, 3).kind()).isEqualTo(UdpEncapsulation.Kind.MALFORMED);
        assertThat(UdpEncapsulation.classify(new byte[4], 0, 4).kind()).isEqualTo(UdpEncapsulation.Kind.MALFORMED);
    }

    @Test
    void markerIsWrittenInFrontOfOutgoingIke() {
        byte[] out = {9, 9, 9, 9, 9, 9};
        assertThat(UdpEncapsulation.writeNonEspMarker(out, 1)).isEqualTo(5);
        assertThat(out).containsExactly(9, 0, 0, 0, 0, 9);
    }
}

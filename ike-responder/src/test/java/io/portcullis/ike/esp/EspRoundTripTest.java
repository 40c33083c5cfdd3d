package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every algorithm, IPv4 and IPv6, payload sizes covering every padding length. */
class EspRoundTripTest {
    private static final int SPI = 0x1000_0001;

    static Stream<Arguments> transforms() {
        return Arrays.stream(Fixtures.ALL_TRANSFORMS).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void everyInnerLengthSurvivesEncodeAndDecodeInBothFamilies(EspTransform t) throws Exception {
        Fixtures.Link link = Fixtures.Link.of(t, SPI);
        Fixtures.Pair pair = link.pair();
        EspEncoder encoder = link.encoder();
        EspDecoder decoder = link.decoder();
        // The peer network is 203.0.113.0/24 (v4); give the v6 case its own SA pair below.
        long expectedSequence = 0;
        for (int payload : IntStream.concat(IntStream.rangeClosed(0, 40), IntStream.of(1000, 1372)).toArray()) {
            byte[] inner = Fixtures.ipv4Udp("198.51.100.7", "203.0.113.9", 4000, 53, payload);
            byte[] esp = new byte[inner.length + t.maxOverhead()];

            EspResult sent = encoder.encode(inner, 0, inner.length, esp, 0);
            assertThat(sent).as("encode %d", payload).isInstanceOf(EspResult.Processed.class);
            EspResult.Processed s = (EspResult.Processed) sent;
            expectedSequence++;
            assertWellFormed(t, esp, s.length(), inner.length, expectedSequence);

            byte[] plain = new byte[s.length()];
            EspResult got = decoder.decode(esp, 0, s.length(), plain, 0);
            assertThat(got).as("decode %d", payload).isInstanceOf(EspResult.Processed.class);
            EspResult.Processed g = (EspResult.Processed) got;
            assertThat(Arrays.copyOfRange(plain, g.offset(), g.offset() + g.length())).isEqualTo(inner);
        }
        assertThat(pair.in().lifetime().packets()).isEqualTo(expectedSequence);
        assertThat(pair.out().lifetime().bytes()).isEqualTo(pair.in().lifetime().bytes());
    }

    /** Larger than any tunnel MTU here, and than the CBC sealer's first per-thread plaintext buffer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void jumboInnerPacketsSurviveEncodeAndDecode(EspTransform t) throws Exception {
        Fixtures.Link link = Fixtures.Link.of(t, SPI);
        EspEncoder encoder = link.encoder();
        EspDecoder decoder = link.decoder();
        for (int payload : new int[] {2100, 9000, 65_507, 1000}) {
            byte[] inner = Fixtures.ipv4Udp("198.51.100.7", "203.0.113.9", 4000, 53, payload);
            byte[] esp = new byte[inner.length + t.maxOverhead()];
            EspResult sent = encoder.encode(inner, 0, inner.length, esp, 0);
            assertThat(sent).as("encode %d", payload).isInstanceOf(EspResult.Processed.class);
            byte[] plain = new byte[esp.length];
            EspResult got = decoder.decode(esp, 0, ((EspResult.Processed) sent).length(), plain, 0);
            assertThat(got).as("decode %d", payload).isInstanceOf(EspResult.Processed.class);
            EspResult.Processed g = (EspResult.Processed) got;
            assertThat(Arrays.copyOfRange(plain, g.offset(), g.offset() + g.length())).isEqualTo(inner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void ipv6InnerPacketsTravelWithNextHeader41(EspTransform t) throws Exception {
        byte[] km = Fixtures.keymat(t, 9);
        TrafficSelector gw = TrafficSelector.of("2001:db8:1::/48");
        TrafficSelector peer = TrafficSelector.of("2001:db8:2::/48");
        SecurityAssociation out = SecurityAssociation.outbound(SPI).transform(t).keymat(km).selectors(gw, peer)
                .clock(Clock.systemUTC()).random(new java.security.SecureRandom()).build();
        SecurityAssociation in = SecurityAssociation.inbound(SPI).transform(t).keymat(km).selectors(peer, gw)
                .clock(Clock.systemUTC()).build();
        SaDatabase rx = new SaDatabase();
        rx.install(in);
        byte[] inner = Fixtures.ipv6Udp("2001:db8:1::5", "2001:db8:2::6", 5000, 443, 77);
        byte[] esp = new byte[inner.length + t.maxOverhead()];

        EspResult.Processed s = (EspResult.Processed) new EspEncoder(new SaDatabase()).encode(out, inner, 0, inner.length, esp, 0);
        byte[] plain = new byte[s.length()];
        EspResult got = new EspDecoder(rx).decode(esp, 0, s.length(), plain, 0);

        assertThat(got).isInstanceOf(EspResult.Processed.class);
        EspResult.Processed g = (EspResult.Processed) got;
        assertThat(Arrays.copyOfRange(plain, g.offset(), g.offset() + g.length())).isEqualTo(inner);
    }

    /** Header fields, length arithmetic and — for GCM — the explicit IV being the sequence number. */
    private static void assertWellFormed(EspTransform t, byte[] esp, int length, int innerLength, long sequence) {
        assertThat(readInt(esp, 0)).isEqualTo(SPI);
        assertThat(readInt(esp, 4) & 0xFFFF_FFFFL).isEqualTo(sequence);
        assertThat(length).isEqualTo(EspEncoder.encodedLength(t, innerLength));
        int encrypted = length - 8 - t.ivBytes() - t.icvBytes();
        assertThat(encrypted % t.paddingAlignment()).isZero();
        assertThat(encrypted - innerLength - 2).isBetween(0, t.paddingAlignment() - 1);
        if (t.encryption() == EspTransform.Encryption.AES_GCM_16) {
            assertThat(readInt(esp, 8)).isZero();
            assertThat(readInt(esp, 12) & 0xFFFF_FFFFL).isEqualTo(sequence);
        }
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}

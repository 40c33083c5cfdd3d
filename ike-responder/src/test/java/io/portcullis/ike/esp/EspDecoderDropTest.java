package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspTransform.Integrity;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed, forged or misdirected packet ends as a typed, counted drop — never an exception. */
class EspDecoderDropTest {
    private static final int SPI = 0x2000_0002;

    /** Gateway → peer: {@code pair.out()} encrypts 198.51.100.0/24 → 203.0.113.0/24, {@code pair.in()} receives it. */
    private Fixtures.Pair pair;
    private SaDatabase rx;
    private EspDecoder decoder;

    static Stream<Arguments> transforms() {
        return Stream.of(
                Arguments.of(EspTransform.aesCbc(128, Integrity.HMAC_SHA1_96)),
                Arguments.of(EspTransform.aesCbc(256, Integrity.HMAC_SHA2_512_256)),
                Arguments.of(EspTransform.aesGcm16(256)));
    }

    private void setUp(EspTransform t) throws Exception {
        pair = Fixtures.pair(t, SPI, Clock.systemUTC());
        rx = new SaDatabase();
        rx.install(pair.in());
        decoder = new EspDecoder(rx);
    }

    private byte[] encode(byte[] inner) {
        byte[] esp = new byte[inner.length + pair.out().transform().maxOverhead()];
        EspResult.Processed p = (EspResult.Processed) new EspEncoder(new SaDatabase())
                .encode(pair.out(), inner, 0, inner.length, esp, 0);
        return Arrays.copyOf(esp, p.length());
    }

    private byte[] validPacket() {
        return encode(Fixtures.ipv4Udp("198.51.100.5", "203.0.113.5", 1234, 80, 33));
    }

    private DropReason dropOf(byte[] packet) {
        EspResult r = decoder.decode(packet, 0, packet.length, new byte[Math.max(packet.length, 1)], 0);
        assertThat(r).isInstanceOf(EspResult.Dropped.class);
        return ((EspResult.Dropped) r).reason();
    }

    /**
     * Builds a packet whose ICV is valid but whose plaintext (payload | padding | pad length | next header)
     * is whatever the test wants, by calling the SA's crypto directly.
     */
    private byte[] sealRaw(long sequence, byte[] plaintext) throws Exception {
        EspTransform t = pair.out().transform();
        byte[] buf = new byte[8 + t.ivBytes() + plaintext.length + t.icvBytes()];
        buf[0] = (byte) (SPI >>> 24);
        buf[1] = (byte) (SPI >>> 16);
        buf[2] = (byte) (SPI >>> 8);
        buf[3] = (byte) SPI;
        buf[7] = (byte) sequence;
        System.arraycopy(plaintext, 0, buf, 8 + t.ivBytes(), plaintext.length);
        pair.out().crypto().seal(sequence, buf, 0, plaintext.length);
        return buf;
    }

    private byte[] withTrailer(byte[] inner, int padLength, int nextHeader, int alignment) {
        int len = inner.length + padLength + 2;
        int aligned = len + (alignment - len % alignment) % alignment;
        byte[] pt = Arrays.copyOf(inner, aligned);
        int at = aligned - 2 - padLength;
        for (int i = 1; i <= padLength; i++) {
            pt[at++] = (byte) i;
        }
        pt[aligned - 2] = (byte) (padLength + (aligned - len));
        pt[aligned - 1] = (byte) nextHeader;
        // extra alignment octets continue the 1,2,3 series so only what the test breaks is broken
        for (int i = padLength; i < padLength + (aligned - len); i++) {
            pt[inner.length + i] = (byte) (i + 1);
        }
        return pt;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void truncatedPacketsAtEveryLengthAreDroppedWithoutException(EspTransform t) throws Exception {
        setUp(t);
        byte[] packet = validPacket();
        for (int len = 0; len < packet.length; len++) {
            byte[] cut = Arrays.copyOf(packet, len);
            EspResult r = decoder.decode(cut, 0, len, new byte[packet.length], 0);
            assertThat(r).as("length %d", len).isInstanceOf(EspResult.Dropped.class);
            assertThat(((EspResult.Dropped) r).reason()).as("length %d", len)
                    .isIn(DropReason.TRUNCATED, DropReason.BAD_CIPHERTEXT_LENGTH, DropReason.AUTH_FAILED);
        }
        assertThat(rx.drops(DropReason.TRUNCATED)).isPositive();
        // none of those moved the window: the intact packet is still accepted
        assertThat(decoder.decode(packet, 0, packet.length, new byte[packet.length], 0).isProcessed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void flippingAnyBitAfterTheSpiFailsAuthentication(EspTransform t) throws Exception {
        setUp(t);
        byte[] packet = validPacket();
        for (int bit = 32; bit < packet.length * 8; bit += 3) {
            byte[] forged = packet.clone();
            forged[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(dropOf(forged)).as("bit %d", bit).isIn(DropReason.AUTH_FAILED, DropReason.REPLAY);
        }
        assertThat(pair.in().drops(DropReason.AUTH_FAILED)).isPositive();
        assertThat(pair.in().replayWindow().highest()).as("forgeries never move the window").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void tamperedIcvIsDroppedAsAuthFailed(EspTransform t) throws Exception {
        setUp(t);
        byte[] packet = validPacket();
        packet[packet.length - 1] ^= 0x40;
        assertThat(dropOf(packet)).isEqualTo(DropReason.AUTH_FAILED);
        assertThat(pair.in().drops(DropReason.AUTH_FAILED)).isEqualTo(1);
        assertThat(rx.drops(DropReason.AUTH_FAILED)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void tamperedSpiFindsNoSa(EspTransform t) throws Exception {
        setUp(t);
        byte[] packet = validPacket();
        packet[0] ^= 0x01;
        assertThat(dropOf(packet)).isEqualTo(DropReason.UNKNOWN_SPI);
        assertThat(rx.drops(DropReason.UNKNOWN_SPI)).isEqualTo(1);
    }

    @Test
    void packetForAnotherSaWithSameSelectorsFailsAuthentication() throws Exception {
        EspTransform t = EspTransform.aesGcm16(128);
        setUp(t);
        Fixtures.Pair other = Fixtures.pair(t, SPI + 1, Clock.systemUTC());
        byte[] inner = Fixtures.ipv4Udp("198.51.100.5", "203.0.113.5", 1, 2, 10);
        byte[] esp = new byte[200];
        EspResult.Processed p = (EspResult.Processed) new EspEncoder(new SaDatabase()).encode(other.out(), inner, 0, inner.length, esp, 0);
        esp[3] = (byte) SPI; // relabel it with our SPI: the keys do not fit
        assertThat(dropOf(Arrays.copyOf(esp, p.length()))).isEqualTo(DropReason.AUTH_FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void replayedPacketIsDroppedAfterFirstDelivery(EspTransform t) throws Exception {
        setUp(t);
        byte[] packet = validPacket();
        assertThat(decoder.decode(packet, 0, packet.length, new byte[packet.length], 0).isProcessed()).isTrue();
        assertThat(dropOf(packet)).isEqualTo(DropReason.REPLAY);
        assertThat(pair.in().drops(DropReason.REPLAY)).isEqualTo(1);
    }

    @Test
    void randomBytesNeverThrow() throws Exception {
        setUp(EspTransform.aesCbc(128, Integrity.HMAC_SHA2_256_128));
        Random random = new Random(4303);
        for (int i = 0; i < 5000; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            if (junk.length >= 4 && random.nextBoolean()) {
                junk[0] = 0x20; // aim half of them at the installed SPI
                junk[1] = 0x00;
                junk[2] = 0x00;
                junk[3] = 0x02;
            }
            EspResult r = decoder.decode(junk, 0, junk.length, new byte[junk.length], 0);
            assertThat(r.isProcessed()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void wrongPaddingBytesAreDroppedAsBadPadding(EspTransform t) throws Exception {
        setUp(t);
        byte[] inner = Fixtures.ipv4Udp("198.51.100.5", "203.0.113.5", 1, 2, 3);
        byte[] pt = withTrailer(inner, 5, 4, t.paddingAlignment());
        pt[inner.length + 1] = 9; // second padding octet must be 2
        assertThat(dropOf(sealRaw(1, pt))).isEqualTo(DropReason.BAD_PADDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void padLengthBeyondPayloadIsDroppedAsBadPadding(EspTransform t) throws Exception {
        setUp(t);
        byte[] pt = new byte[16];
        pt[14] = (byte) 200;
        pt[15] = 4;
        assertThat(dropOf(sealRaw(1, pt))).isEqualTo(DropReason.BAD_PADDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void transportNextHeaderIsDroppedAndDummyPacketIsDiscarded(EspTransform t) throws Exception {
        setUp(t);
        byte[] inner = Fixtures.ipv4Udp("198.51.100.5", "203.0.113.5", 1, 2, 3);
        assertThat(dropOf(sealRaw(1, withTrailer(inner, 0, 17, t.paddingAlignment())))).isEqualTo(DropReason.BAD_NEXT_HEADER);
        assertThat(dropOf(sealRaw(2, withTrailer(inner, 0, 59, t.paddingAlignment())))).isEqualTo(DropReason.DUMMY_PACKET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void innerPacketInconsistentWithNextHeaderOrItsOwnLengthIsMalformed(EspTransform t) throws Exception {
        setUp(t);
        byte[] inner = Fixtures.ipv4Udp("198.51.100.5", "203.0.113.5", 1, 2, 3);
        assertThat(dropOf(sealRaw(1, withTrailer(inner, 0, 41, t.paddingAlignment())))).isEqualTo(DropReason.MALFORMED_INNER);
        byte[] tooLong = inner.clone();
        tooLong[3] = (byte) (inner.length + 1); // total length claims one octet more than was sent
        assertThat(dropOf(sealRaw(2, withTrailer(tooLong, 0, 4, t.paddingAlignment())))).isEqualTo(DropReason.MALFORMED_INNER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void innerSourceOutsideRemoteSelectorIsDroppedAsSelectorMismatch(EspTransform t) throws Exception {
        setUp(t);
        // Authentic, but the peer claims a source it was not given (spoofing from an authorised peer).
        byte[] spoofed = Fixtures.ipv4Udp("192.0.2.66", "203.0.113.5", 1, 2, 20);
        assertThat(dropOf(sealRaw(1, withTrailer(spoofed, 0, 4, t.paddingAlignment())))).isEqualTo(DropReason.SELECTOR_MISMATCH);
        byte[] wrongDestination = Fixtures.ipv4Udp("198.51.100.5", "203.0.114.5", 1, 2, 20);
        assertThat(dropOf(sealRaw(2, withTrailer(wrongDestination, 0, 4, t.paddingAlignment())))).isEqualTo(DropReason.SELECTOR_MISMATCH);
        assertThat(pair.in().drops(DropReason.SELECTOR_MISMATCH)).isEqualTo(2);
    }

    @Test
    void outputBufferTooSmallIsDroppedNotThrown() throws Exception {
        setUp(EspTransform.aesGcm16(128));
        byte[] packet = validPacket();
        EspResult r = decoder.decode(packet, 0, packet.length, new byte[packet.length - 1], 0);
        assertThat(((EspResult.Dropped) r).reason()).isEqualTo(DropReason.OUTPUT_TOO_SMALL);
    }
}

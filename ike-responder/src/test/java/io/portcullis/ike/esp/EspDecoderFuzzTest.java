package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the inbound ESP path with a real SA pair ({@link Fixtures.Link}):
 * UDP 4500 demultiplexing, then {@link EspDecoder}. Random bytes almost never carry a valid ICV,
 * so a second mode seals the fuzzer's bytes as the plaintext (payload | padding | pad length |
 * next header) with the peer's outbound SA, and the decoder then meets hostile padding, next
 * header and inner IP headers behind a verified ICV.
 *
 * <p>Input: octet 0 picks the transform (low 7 bits, modulo the 13 transforms) and the mode (high
 * bit: 0 = the rest is a UDP 4500 datagram, 1 = the rest is plaintext to seal). Invariant: the
 * decoder never throws; it answers {@code Processed} inside the output buffer or a typed drop.
 */
class EspDecoderFuzzTest {

    static final int SPI = 0x0000_C0DE;

    @FuzzTest(maxDuration = "5s")
    void packet(byte[] input) throws GeneralSecurityException {
        if (input.length < 1) {
            return;
        }
        EspTransform transform = Fixtures.ALL_TRANSFORMS[(input[0] & 0x7F) % Fixtures.ALL_TRANSFORMS.length];
        Fixtures.Link link = Fixtures.Link.of(transform, SPI);
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        byte[] packet = (input[0] & 0x80) == 0 ? rest : seal(link.pair().out(), rest);
        UdpEncapsulation.Demux demux = UdpEncapsulation.classify(packet, 0, packet.length);
        if (demux.kind() != UdpEncapsulation.Kind.ESP) {
            return;
        }
        byte[] out = new byte[packet.length];
        EspResult result = link.decoder().decode(packet, demux.offset(), demux.length(), out, 0);
        if (result instanceof EspResult.Processed processed) {
            assertThat(processed.offset()).isZero();
            assertThat(processed.length()).isBetween(1, packet.length);
        }
    }

    /** An ESP packet whose ciphertext is {@code plaintext} (zero-extended to the cipher's alignment), sealed. */
    static byte[] seal(SecurityAssociation outbound, byte[] plaintext) throws GeneralSecurityException {
        EspTransform t = outbound.transform();
        int alignment = t.paddingAlignment();
        int length = Math.max(alignment, (plaintext.length + alignment - 1) / alignment * alignment);
        byte[] packet = new byte[8 + t.ivBytes() + length + t.icvBytes()];
        long sequence = outbound.nextSequence();
        writeInt(outbound.spi(), packet, 0);
        writeInt((int) sequence, packet, 4);
        System.arraycopy(plaintext, 0, packet, 8 + t.ivBytes(), plaintext.length);
        outbound.crypto().seal(sequence, packet, 0, length);
        return packet;
    }

    private static void writeInt(int value, byte[] b, int off) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }
}

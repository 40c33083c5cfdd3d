package io.portcullis.ike.esp;

import java.util.Objects;

/**
 * Demultiplexes datagrams on UDP port 4500 (RFC 3948 §2): IKE behind a four-zero-octet non-ESP marker,
 * a single 0xFF octet as NAT-keepalive, and anything else as ESP (whose SPI is never zero).
 */
public final class UdpEncapsulation {
    public static final int NON_ESP_MARKER_LENGTH = 4;
    public static final byte NAT_KEEPALIVE = (byte) 0xFF;

    public enum Kind {
        /** IKE message at {@code offset}, the marker stripped (RFC 3948 §2.2). */
        IKE,
        /** ESP packet at {@code offset}, to {@link EspDecoder} (RFC 3948 §2.1). */
        ESP,
        /** One octet 0xFF (RFC 3948 §2.3); the receiver ignores it. */
        NAT_KEEPALIVE,
        /** Too short to be any of the above. */
        MALFORMED
    }

    /** Where the message of this kind lies within the datagram buffer. */
    public record Demux(Kind kind, int offset, int length) {
    }

    private UdpEncapsulation() {
    }

    public static Demux classify(byte[] datagram, int off, int len) {
        Objects.checkFromIndexSize(off, len, datagram.length);
        if (len == 1 && datagram[off] == NAT_KEEPALIVE) {
            return new Demux(Kind.NAT_KEEPALIVE, off, 1);
        }
        if (len < NON_ESP_MARKER_LENGTH) {
            return new Demux(Kind.MALFORMED, off, len);
        }
        boolean marker = (datagram[off] | datagram[off + 1] | datagram[off + 2] | datagram[off + 3]) == 0;
        if (!marker) {
            return new Demux(Kind.ESP, off, len);
        }
        if (len == NON_ESP_MARKER_LENGTH) {
            return new Demux(Kind.MALFORMED, off, len); // a marker and nothing behind it
        }
        return new Demux(Kind.IKE, off + NON_ESP_MARKER_LENGTH, len - NON_ESP_MARKER_LENGTH);
    }

    /** Writes the non-ESP marker in front of an outgoing IKE message; returns the offset after it. */
    public static int writeNonEspMarker(byte[] out, int off) {
        Objects.checkFromIndexSize(off, NON_ESP_MARKER_LENGTH, out.length);
        for (int i = 0; i < NON_ESP_MARKER_LENGTH; i++) {
            out[off + i] = 0;
        }
        return off + NON_ESP_MARKER_LENGTH;
    }
}

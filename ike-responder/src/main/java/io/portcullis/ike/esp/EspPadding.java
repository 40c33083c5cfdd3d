package io.portcullis.ike.esp;

/** ESP trailer: padding, pad length, next header (RFC 4303 §2.4, §2.5, §2.6). */
final class EspPadding {
    static final int IPV4 = 4;
    static final int IPV6 = 41;
    static final int NO_NEXT_HEADER = 59;

    private EspPadding() {
    }

    /** Padding so that payload + padding + 2 trailer octets is a multiple of {@code alignment}. */
    static int padLength(int payloadLength, int alignment) {
        int rest = (payloadLength + 2) % alignment;
        return rest == 0 ? 0 : alignment - rest;
    }

    /**
     * Writes the default padding 1, 2, 3, ... (§2.4: "initialized with a series of (unsigned, 1-byte)
     * integer values"), then pad length and next header, at {@code buf[at..)}.
     *
     * @return the offset after the trailer
     */
    static int writeTrailer(byte[] buf, int at, int padLength, int nextHeader) {
        for (int i = 1; i <= padLength; i++) {
            buf[at++] = (byte) i;
        }
        buf[at++] = (byte) padLength;
        buf[at++] = (byte) nextHeader;
        return at;
    }

    /**
     * Checks the trailer of a decrypted payload {@code buf[off..off+len)}.
     *
     * @return the payload length before the padding, or -1 if pad length or padding bytes are wrong
     */
    static int checkTrailer(byte[] buf, int off, int len) {
        if (len < 2) {
            return -1;
        }
        int padLength = buf[off + len - 2] & 0xFF;
        int payload = len - 2 - padLength;
        if (payload < 0) {
            return -1;
        }
        // §2.4: with the default scheme the receiver SHOULD check the padding values. A mismatch after a
        // valid ICV means a broken peer, not an attacker, so there is no oracle to worry about here.
        int bad = 0;
        for (int i = 0; i < padLength; i++) {
            bad |= (buf[off + payload + i] & 0xFF) ^ (i + 1);
        }
        return bad == 0 ? payload : -1;
    }
}

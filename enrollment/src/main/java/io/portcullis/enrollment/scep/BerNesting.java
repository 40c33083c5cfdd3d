package io.portcullis.enrollment.scep;

/**
 * How deep untrusted BER nests, found without recursion before Bouncy Castle parses it. BC's CMS
 * classes parse recursively, so a pkiMessage or envelope of nothing but nested SEQUENCE headers
 * (a few bytes each, tens of thousands within {@link PkiMessageReader#MAX_BYTES}) would end in a
 * {@code StackOverflowError} instead of a typed refusal. CMS may be BER, so indefinite lengths are
 * followed too (ca-service's DerStructure refuses them). Malformed lengths are left for BC to report.
 */
final class BerNesting {

    /** CMS SignedData with certificates nests about fifteen deep; anything far beyond is hostile. */
    static final int MAX_DEPTH = 64;

    private static final int INDEFINITE = -1;

    private BerNesting() {
    }

    static boolean deeperThan(byte[] ber, int maxDepth) {
        int[] ends = new int[maxDepth + 1];
        int depth = 0;
        ends[0] = ber.length;
        int pos = 0;
        while (pos < ber.length) {
            while (depth > 0 && ends[depth] != INDEFINITE && pos >= ends[depth]) {
                depth--;
            }
            if (depth > 0 && ends[depth] == INDEFINITE && pos + 1 < ber.length && ber[pos] == 0 && ber[pos + 1] == 0) {
                pos += 2; // end-of-contents of an indefinite-length element
                depth--;
                continue;
            }
            int tag = ber[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                while (pos < ber.length && (ber[pos++] & 0x80) != 0) {
                    // high tag number octets
                }
            }
            if (pos >= ber.length) {
                return false;
            }
            int lengthByte = ber[pos++] & 0xFF;
            long length;
            if (lengthByte == 0x80) {
                length = INDEFINITE;
            } else if (lengthByte < 0x80) {
                length = lengthByte;
            } else {
                int octets = lengthByte & 0x7F;
                if (octets > 4 || octets > ber.length - pos) {
                    return false;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (ber[pos++] & 0xFF);
                }
            }
            if ((tag & 0x20) != 0) {
                if (depth == maxDepth) {
                    return true;
                }
                ends[++depth] = length == INDEFINITE ? INDEFINITE : (int) Math.min(ber.length, pos + length);
            } else if (length == INDEFINITE) {
                return false; // a primitive element cannot have an indefinite length
            } else {
                pos = (int) Math.min(ber.length, pos + length);
            }
        }
        return false;
    }
}

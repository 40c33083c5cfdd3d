package io.portcullis.ca.issuance;

import java.util.Optional;

/**
 * A bounds-first walk over untrusted DER, done before Bouncy Castle sees the bytes. It makes
 * "truncated", "trailing data" and "indefinite length" separate, precise errors, and it limits
 * nesting depth: BC parses recursively, so a 64 KiB run of nested SEQUENCE headers would otherwise
 * end in a {@code StackOverflowError} instead of a 400.
 *
 * <p>Iterative on purpose (an explicit stack of end offsets), so the walk itself cannot overflow.
 */
public final class DerStructure {

    /** X.509 and PKCS#10 structures nest about ten deep; anything far beyond is hostile. */
    public static final int MAX_DEPTH = 32;

    private DerStructure() {
    }

    /** The first structural problem in {@code der}, or empty if it is exactly one well-formed DER element. */
    public static Optional<String> firstProblem(byte[] der) {
        if (der.length == 0) {
            return Optional.of("no bytes");
        }
        int[] ends = new int[MAX_DEPTH + 1];
        int depth = 0;
        ends[0] = der.length;
        int pos = 0;
        boolean started = false;
        while (true) {
            while (depth > 0 && pos == ends[depth]) {
                depth--;
            }
            if (depth == 0 && started) {
                return pos == der.length ? Optional.empty()
                        : Optional.of("trailing data: " + (der.length - pos) + " bytes after the end of the DER structure at offset " + pos);
            }
            started = true;
            int limit = ends[depth];
            int elementStart = pos;
            int tag = der[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                int tagBytes = 0;
                int b;
                do {
                    if (pos >= limit) {
                        return truncated(elementStart, "in a multi-byte tag");
                    }
                    b = der[pos++] & 0xff;
                    if (++tagBytes > 4) {
                        return Optional.of("tag number at offset " + elementStart + " is implausibly large");
                    }
                } while ((b & 0x80) != 0);
            }
            if (pos >= limit) {
                return truncated(elementStart, "before its length");
            }
            int lengthByte = der[pos++] & 0xff;
            long length;
            if (lengthByte < 0x80) {
                length = lengthByte;
            } else if (lengthByte == 0x80) {
                return Optional.of("indefinite length at offset " + elementStart + " (BER, not DER)");
            } else {
                int octets = lengthByte & 0x7f;
                if (octets > 4) {
                    return Optional.of("length field of " + octets + " octets at offset " + elementStart + " is too long");
                }
                if (octets > limit - pos) {
                    return truncated(elementStart, "inside its length field");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (der[pos++] & 0xff);
                }
            }
            if (length > limit - pos) {
                return truncated(elementStart, "declares " + length + " content bytes but only " + (limit - pos) + " remain");
            }
            int end = pos + (int) length;
            boolean constructed = (tag & 0x20) != 0;
            if (constructed && length > 0) {
                if (depth == MAX_DEPTH) {
                    return Optional.of("nested deeper than " + MAX_DEPTH + " levels at offset " + elementStart);
                }
                ends[++depth] = end;
            } else {
                pos = end;
            }
        }
    }

    private static Optional<String> truncated(int offset, String where) {
        return Optional.of("truncated DER: the element at offset " + offset + " ends " + where);
    }
}

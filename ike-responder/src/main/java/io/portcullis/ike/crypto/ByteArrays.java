package io.portcullis.ike.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Static helpers over {@code byte[]} for the key derivation code (concatenation, wiping, fixed-length
 * encodings). The immutable byte string of the codec is {@link io.portcullis.ike.isakmp.Bytes}.
 */
public final class ByteArrays {

    private ByteArrays() {
    }

    /** Concatenates the parts in order (the "|" of RFC 2409). Null parts are not allowed. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length = Math.addExact(length, part.length);
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** Overwrites each array with zeros; null arrays are skipped so callers can wipe in finally blocks. */
    public static void wipe(byte[]... arrays) {
        for (byte[] array : arrays) {
            if (array != null) {
                Arrays.fill(array, (byte) 0);
            }
        }
    }

    /** The 4-byte big-endian encoding of an ISAKMP message ID or an ESP/AH SPI (network order). */
    public static byte[] uint32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /**
     * The unsigned big-endian encoding of a non-negative value, left-padded with zeros to exactly
     * {@code length} bytes. Diffie-Hellman values are fixed-length on the wire and in key
     * derivation (RFC 2409 §5: g^xy is used as a fixed-length string).
     */
    public static byte[] unsignedFixedLength(BigInteger value, int length) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative value cannot be encoded unsigned");
        }
        byte[] raw = value.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int significant = raw.length - start;
        if (significant > length) {
            throw new IllegalArgumentException("value needs " + significant + " bytes, more than " + length);
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, start, out, length - significant, significant);
        Arrays.fill(raw, (byte) 0);
        return out;
    }
}

package io.portcullis.ike.isakmp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string. Payload records hold their octet fields as {@code Bytes} so that
 * records compare by content (a record with a {@code byte[]} component compares by identity)
 * and no caller can change a decoded message after the fact.
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();
    /** Longer values are abbreviated in {@link #toString()} so that logs stay readable. */
    private static final int TO_STRING_LIMIT = 32;

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}; later changes to the array do not show through. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Copies {@code length} bytes of {@code data} starting at {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    public static Bytes fromHex(String hex) {
        return of(HEX.parseHex(hex.replaceAll("\\s", "")));
    }

    /** The big-endian encoding of {@code value} in {@code width} bytes (1 to 8). */
    public static Bytes ofUnsigned(long value, int width) {
        if (width < 1 || width > 8) {
            throw new IllegalArgumentException("width must be 1..8: " + width);
        }
        byte[] out = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return new Bytes(out);
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A fresh copy of the content. */
    public byte[] toByteArray() {
        return data.clone();
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    /** Writes the content into {@code target} at {@code offset} without an intermediate copy. */
    void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if (data.length <= TO_STRING_LIMIT) {
            return HEX.formatHex(data);
        }
        return HEX.formatHex(data, 0, TO_STRING_LIMIT) + "…(" + data.length + " bytes)";
    }
}

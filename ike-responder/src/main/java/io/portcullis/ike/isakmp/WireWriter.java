package io.portcullis.ike.isakmp;

import java.util.Arrays;

/** Big-endian writes into a growing buffer, with 16/32-bit length fields patched afterwards. */
final class WireWriter {

    private byte[] buffer = new byte[256];
    private int size;

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void u32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void u64(long value) {
        u32((int) (value >>> 32));
        u32((int) value);
    }

    void bytes(Bytes value) {
        ensure(value.length());
        value.copyTo(buffer, size);
        size += value.length();
    }

    /** Current size; also the position of the next byte. */
    int size() {
        return size;
    }

    /** Overwrites a 16-bit field written earlier at {@code position}. */
    void patchU16(int position, int value) {
        if (value > 0xFFFF) {
            throw new IllegalArgumentException("length " + value + " does not fit a 16-bit field");
        }
        buffer[position] = (byte) (value >>> 8);
        buffer[position + 1] = (byte) value;
    }

    void patchU32(int position, int value) {
        buffer[position] = (byte) (value >>> 24);
        buffer[position + 1] = (byte) (value >>> 16);
        buffer[position + 2] = (byte) (value >>> 8);
        buffer[position + 3] = (byte) value;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}

package io.portcullis.ike.isakmp;

/**
 * Bounds-checked big-endian reads over a window of a byte array. Every read checks what
 * remains first and fails with a typed {@link IsakmpDecodeException}; nothing here can throw
 * an index exception. Offsets in errors are absolute datagram offsets ({@code bias} shifts a
 * decrypted body so its first byte reports as offset 28).
 */
final class WireReader {

    private final byte[] buffer;
    private final int end;
    private final int bias;
    private final DecodeFailure underflow;
    private int position;

    private WireReader(byte[] buffer, int start, int end, int bias, DecodeFailure underflow) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
        this.bias = bias;
        this.underflow = underflow;
    }

    static WireReader over(byte[] buffer, int bias, DecodeFailure underflow) {
        return new WireReader(buffer, 0, buffer.length, bias, underflow);
    }

    int remaining() {
        return end - position;
    }

    boolean hasRemaining() {
        return position < end;
    }

    /** Absolute offset of the next byte, for error reports. */
    int offset() {
        return position + bias;
    }

    int u8() throws IsakmpDecodeException {
        require(1);
        return buffer[position++] & 0xFF;
    }

    int u16() throws IsakmpDecodeException {
        require(2);
        int value = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int u32() throws IsakmpDecodeException {
        require(4);
        int value = ((buffer[position] & 0xFF) << 24) | ((buffer[position + 1] & 0xFF) << 16)
                | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    long u64() throws IsakmpDecodeException {
        long high = u32() & 0xFFFF_FFFFL;
        long low = u32() & 0xFFFF_FFFFL;
        return (high << 32) | low;
    }

    Bytes bytes(int length) throws IsakmpDecodeException {
        require(length);
        Bytes value = Bytes.of(buffer, position, length);
        position += length;
        return value;
    }

    /** The rest of the window as a copy, without consuming it. */
    Bytes peekRest() {
        return Bytes.of(buffer, position, end - position);
    }

    Bytes rest() {
        Bytes value = Bytes.of(buffer, position, end - position);
        position = end;
        return value;
    }

    /**
     * Splits off the next {@code length} bytes as a reader of their own and skips them here.
     * {@code overrun} is reported when the length reaches past this window.
     */
    WireReader slice(int length, DecodeFailure overrun, DecodeFailure innerUnderflow)
            throws IsakmpDecodeException {
        if (length < 0 || length > remaining()) {
            throw new IsakmpDecodeException(overrun, offset(),
                    "length " + length + " but only " + remaining() + " bytes remain");
        }
        WireReader inner = new WireReader(buffer, position, position + length, bias, innerUnderflow);
        position += length;
        return inner;
    }

    /** Fails with this reader's underflow reason unless {@code count} more bytes remain. */
    void require(int count) throws IsakmpDecodeException {
        if (count < 0 || count > remaining()) {
            throw new IsakmpDecodeException(underflow, offset(),
                    "need " + count + " bytes, " + remaining() + " remain");
        }
    }

    IsakmpDecodeException fail(DecodeFailure reason, String detail) {
        return new IsakmpDecodeException(reason, offset(), detail);
    }
}

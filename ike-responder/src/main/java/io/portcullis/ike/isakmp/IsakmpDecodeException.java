package io.portcullis.ike.isakmp;

/**
 * A datagram (or decrypted body) that is not a well-formed ISAKMP message. Checked, so that
 * the UDP adapter cannot forget that peers send garbage. {@link #offset()} is the position in
 * the datagram where the problem was found (for a decrypted body: as if the plaintext stood in
 * place of the ciphertext, i.e. the first body byte is offset 28).
 */
public final class IsakmpDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DecodeFailure reason;
    private final int offset;

    public IsakmpDecodeException(DecodeFailure reason, int offset, String detail) {
        super(reason + " at offset " + offset + ": " + detail);
        this.reason = reason;
        this.offset = offset;
    }

    public DecodeFailure reason() {
        return reason;
    }

    public int offset() {
        return offset;
    }
}

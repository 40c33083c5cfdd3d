package io.portcullis.ike.crypto;

/**
 * Padding of outgoing encrypted IKEv1 messages.
 *
 * <p>RFC 2409 Appendix B asks for padding with 0x00 up to the block size; RFC 2409 §5.3 adds that
 * there is always padding and its last byte counts the padding bytes before it. We follow both
 * (zeros, last byte = count excluding itself, at least one byte). Receivers, including us,
 * ignore the padding: the ISAKMP payload chain says where the message ends, so incoming padding
 * is never checked and a peer padding differently still interoperates.
 */
public final class IkePadding {

    private IkePadding() {
    }

    public static byte[] pad(byte[] plaintext, int blockSize) {
        int padLength = blockSize - (plaintext.length % blockSize);
        byte[] out = new byte[plaintext.length + padLength];
        System.arraycopy(plaintext, 0, out, 0, plaintext.length);
        out[out.length - 1] = (byte) (padLength - 1);
        return out;
    }
}

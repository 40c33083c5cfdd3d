package io.portcullis.ike.crypto;

/**
 * The one typed failure of the IKE crypto layer: something a peer sent cannot be used.
 *
 * <p>It is checked on purpose: every caller is an exchange state machine that must turn it
 * into a notify (INVALID_KEY_INFORMATION, PAYLOAD_MALFORMED, AUTHENTICATION_FAILED) rather than
 * let it escape. Failures of our own environment (a JCA algorithm every Java SE platform must
 * provide is missing) are not peer input and stay {@link IllegalStateException}s.
 */
public final class IkeCryptoException extends Exception {

    /** What was wrong with the peer's input. */
    public enum Reason {
        /** A Diffie-Hellman public value of the wrong length, out of range, or not on the curve. */
        INVALID_PUBLIC_VALUE,
        /** Encrypted data that is empty or not a whole number of cipher blocks. */
        MALFORMED_CIPHERTEXT,
        /** An RSA signature that does not decrypt to a PKCS#1 type 1 block matching the hash. */
        BAD_SIGNATURE,
        /** An RSA signature whose signed content has a different length than the expected hash. */
        WRONG_SIZE_SIGNED_HASH
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public IkeCryptoException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public IkeCryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

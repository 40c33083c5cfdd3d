package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.crypto.IkePadding;

/**
 * Encrypts and decrypts the part of an IKEv1 message after the ISAKMP header, driving an
 * {@link IvChain}.
 *
 * <p>Decryption returns a {@link Decryption} and leaves the chain alone: the IV only advances when
 * the caller calls {@link Decryption#commit()} after the message's HASH or signature verified.
 * A message that is never committed (bad hash, malformed payloads, duplicate) is a rollback by
 * construction.
 */
public final class IkeMessageCrypto {

    private final IkeCipher cipher;
    private final byte[] key;

    public IkeMessageCrypto(IkeCipher cipher, byte[] key) {
        if (key.length != cipher.keyLength()) {
            throw new IllegalArgumentException("key is " + key.length + " bytes, cipher needs " + cipher.keyLength());
        }
        this.cipher = cipher;
        this.key = key.clone();
    }

    public IkeCipher cipher() {
        return cipher;
    }

    /**
     * Pads (RFC 2409 Appendix B), encrypts with the chain's IV and advances the chain to the last
     * ciphertext block: our own message needs no verification before it becomes the chain head.
     * Retransmissions must resend the stored ciphertext, never encrypt again, or the chain
     * would move a second time.
     */
    public byte[] encrypt(IvChain chain, byte[] plaintext) {
        requireSameBlockSize(chain);
        byte[] padded = IkePadding.pad(plaintext, cipher.blockSize());
        try {
            byte[] ciphertext = cipher.encrypt(key, chain.current(), padded);
            chain.advancePast(ciphertext);
            return ciphertext;
        } finally {
            ByteArrays.wipe(padded);
        }
    }

    /**
     * Decrypts with the chain's IV without moving the chain.
     *
     * @throws IkeCryptoException if the encrypted part is empty or not a whole number of blocks
     */
    public Decryption decrypt(IvChain chain, byte[] ciphertext) throws IkeCryptoException {
        requireSameBlockSize(chain);
        byte[] ivUsed = chain.current();
        byte[] plaintext = cipher.decrypt(key, ivUsed, ciphertext);
        return new Decryption(chain, ivUsed, ciphertext.clone(), plaintext);
    }

    private void requireSameBlockSize(IvChain chain) {
        if (chain.blockSize() != cipher.blockSize()) {
            throw new IllegalArgumentException("IV chain block size " + chain.blockSize()
                    + " does not match cipher block size " + cipher.blockSize());
        }
    }

    /** Overwrites the message encryption key; call when the IKE SA is deleted. */
    public void destroy() {
        ByteArrays.wipe(key);
    }

    /** A decrypted message whose IV step is pending until {@link #commit()}. */
    public static final class Decryption {
        private final IvChain chain;
        private final byte[] ivUsed;
        private final byte[] ciphertext;
        private final byte[] plaintext;
        private boolean committed;

        private Decryption(IvChain chain, byte[] ivUsed, byte[] ciphertext, byte[] plaintext) {
            this.chain = chain;
            this.ivUsed = ivUsed;
            this.ciphertext = ciphertext;
            this.plaintext = plaintext;
        }

        /**
         * The decrypted payloads followed by whatever padding the peer used (never stripped:
         * the payload chain says where the message ends).
         */
        public byte[] plaintext() {
            return plaintext.clone();
        }

        /**
         * Advances the chain past this message. Call only after the message authenticated.
         *
         * @throws IllegalStateException if already committed, or if the chain moved since this
         *     message was decrypted (another message was committed or sent in between)
         */
        public void commit() {
            if (committed) {
                throw new IllegalStateException("IV step of this message was already committed");
            }
            if (!chain.isAt(ivUsed)) {
                throw new IllegalStateException("IV chain moved since this message was decrypted");
            }
            chain.advancePast(ciphertext);
            committed = true;
        }
    }
}

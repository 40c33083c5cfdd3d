package io.portcullis.ike.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A negotiated IKEv1 message cipher: algorithm plus key length in bytes. Encrypts and decrypts
 * whole blocks in CBC mode without any padding of its own; IKEv1 padding is {@link IkePadding}'s
 * job and the IV is the caller's (RFC 2409 Appendix B IV chaining).
 */
public record IkeCipher(BlockCipherAlgorithm algorithm, int keyLength) {

    public IkeCipher {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.supportsKeyLength(keyLength)) {
            throw new IllegalArgumentException(algorithm + " has no " + keyLength + "-byte key");
        }
    }

    public int blockSize() {
        return algorithm.blockSize();
    }

    /** CBC-encrypts whole blocks. The plaintext must already be padded to the block size. */
    public byte[] encrypt(byte[] key, byte[] iv, byte[] paddedPlaintext) {
        if (paddedPlaintext.length == 0 || paddedPlaintext.length % blockSize() != 0) {
            throw new IllegalArgumentException("plaintext of " + paddedPlaintext.length
                    + " bytes is not padded to the " + blockSize() + "-byte block size");
        }
        return run(Cipher.ENCRYPT_MODE, key, iv, paddedPlaintext);
    }

    /**
     * CBC-decrypts whole blocks and returns everything, padding included: the payload chain
     * says where the message ends, and RFC 2409 padding content is not trustworthy enough to
     * strip by.
     *
     * @throws IkeCryptoException if the ciphertext is empty or not a whole number of blocks
     */
    public byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws IkeCryptoException {
        if (ciphertext.length == 0 || ciphertext.length % blockSize() != 0) {
            throw new IkeCryptoException(IkeCryptoException.Reason.MALFORMED_CIPHERTEXT,
                    "encrypted data of " + ciphertext.length + " bytes is not a whole number of "
                            + blockSize() + "-byte blocks");
        }
        return run(Cipher.DECRYPT_MODE, key, iv, ciphertext);
    }

    private byte[] run(int mode, byte[] key, byte[] iv, byte[] input) {
        if (key.length != keyLength) {
            throw new IllegalArgumentException("key is " + key.length + " bytes, cipher needs " + keyLength);
        }
        if (iv.length != blockSize()) {
            throw new IllegalArgumentException("IV is " + iv.length + " bytes, block size is " + blockSize());
        }
        try {
            Cipher cipher = JcaInstances.cipher(algorithm.transformation());
            cipher.init(mode, new SecretKeySpec(key, algorithm.jcaName()), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform(algorithm.transformation(), e);
        }
    }
}

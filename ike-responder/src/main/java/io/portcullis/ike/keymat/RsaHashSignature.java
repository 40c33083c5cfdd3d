package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.IkeCryptoException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;

/**
 * RSA signature authentication of Main Mode (RFC 2409 §5.1): the SIG payload carries HASH_I or
 * HASH_R itself, PKCS#1 v1.5 block type 1 padded and RSA-encrypted with the private key, with no
 * DigestInfo around it (the IKEv1 convention strongSwan and other IKEv1 stacks use). JCA's
 * "RSA/ECB/PKCS1Padding" does exactly that when encrypting with a private key and reverses it
 * when decrypting with a public key.
 */
public final class RsaHashSignature {

    private static final String TRANSFORMATION = "RSA/ECB/PKCS1Padding";

    /** PKCS#1 v1.5 needs 11 bytes of overhead: 00 01, at least 8 bytes of FF, 00. */
    private static final int PKCS1_OVERHEAD = 11;

    private RsaHashSignature() {
    }

    public static byte[] sign(RSAPrivateKey key, byte[] hash) {
        int modulusLength = (key.getModulus().bitLength() + 7) / 8;
        if (hash.length > modulusLength - PKCS1_OVERHEAD) {
            throw new IllegalArgumentException("a " + hash.length + "-byte hash does not fit a "
                    + modulusLength + "-byte RSA key");
        }
        try {
            Cipher cipher = io.portcullis.ike.crypto.JcaInstances.cipher(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing with our own key failed", e);
        }
    }

    /**
     * Checks that {@code signature} is {@code expectedHash} signed with the key of {@code key}.
     *
     * @throws IkeCryptoException {@link IkeCryptoException.Reason#WRONG_SIZE_SIGNED_HASH} if the
     *     signature is valid PKCS#1 but covers a value of another length (e.g. a different
     *     negotiated hash), {@link IkeCryptoException.Reason#BAD_SIGNATURE} for anything else
     */
    public static void verify(RSAPublicKey key, byte[] expectedHash, byte[] signature) throws IkeCryptoException {
        byte[] signed;
        try {
            Cipher cipher = io.portcullis.ike.crypto.JcaInstances.cipher(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key);
            signed = cipher.doFinal(signature);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new IkeCryptoException(IkeCryptoException.Reason.BAD_SIGNATURE,
                    "RSA signature does not open to a PKCS#1 type 1 block", e);
        } catch (InvalidKeyException e) {
            throw new IkeCryptoException(IkeCryptoException.Reason.BAD_SIGNATURE,
                    "peer RSA key cannot verify signatures", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot perform " + TRANSFORMATION, e);
        }
        if (signed.length != expectedHash.length) {
            throw new IkeCryptoException(IkeCryptoException.Reason.WRONG_SIZE_SIGNED_HASH,
                    "signed hash is " + signed.length + " bytes, expected " + expectedHash.length);
        }
        if (!MessageDigest.isEqual(signed, expectedHash)) {
            throw new IkeCryptoException(IkeCryptoException.Reason.BAD_SIGNATURE,
                    "RSA signature covers a different hash");
        }
    }
}

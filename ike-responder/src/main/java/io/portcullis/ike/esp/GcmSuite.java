package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 16-octet ICV in ESP (RFC 4106). Nonce = 4-octet salt from KEYMAT | 8-octet explicit
 * IV (§4); AAD = SPI | 32-bit sequence number (§5, no ESN).
 */
final class GcmSuite implements EspCryptoSuite {
    private static final int IV = 8;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] salt;
    private final ThreadLocal<Context> contexts = new ThreadLocal<>();

    private static final class Context {
        final Cipher cipher;
        final byte[] nonce = new byte[12];

        Context(Cipher cipher, byte[] salt) {
            this.cipher = cipher;
            System.arraycopy(salt, 0, nonce, 0, 4);
        }
    }

    GcmSuite(EspKeys keys) {
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.salt = keys.salt();
    }

    @Override
    public void selfCheck() throws GeneralSecurityException {
        Context c = context();
        // Decrypt mode: a self-check must not consume a nonce of the encrypt direction.
        c.cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, c.nonce));
    }

    /**
     * RFC 4106 §3.1 only demands that an IV never repeats under one key; the sequence number never
     * repeats (the SA refuses to wrap), so it is used as the explicit IV, as RFC 4106 §3.1 suggests.
     */
    @Override
    public void seal(long sequence, byte[] buf, int off, int plaintextLength) throws GeneralSecurityException {
        sealWithExplicitIv(sequence, buf, off, plaintextLength);
    }

    /** Seals with a given explicit IV; separate so that published vectors (arbitrary IVs) can be replayed. */
    void sealWithExplicitIv(long explicitIv, byte[] buf, int off, int plaintextLength) throws GeneralSecurityException {
        Context c = context();
        writeLong(explicitIv, buf, off + 8);
        System.arraycopy(buf, off + 8, c.nonce, 4, IV);
        c.cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, c.nonce));
        c.cipher.updateAAD(buf, off, 8);
        int ptOff = off + 8 + IV;
        c.cipher.doFinal(buf, ptOff, plaintextLength, buf, ptOff);
    }

    @Override
    public int open(byte[] in, int off, int len, byte[] out, int outOff) throws GeneralSecurityException {
        Context c = context();
        System.arraycopy(in, off + 8, c.nonce, 4, IV);
        c.cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, c.nonce));
        c.cipher.updateAAD(in, off, 8);
        try {
            return c.cipher.doFinal(in, off + 8 + IV, len - 8 - IV, out, outOff);
        } catch (AEADBadTagException forged) {
            // The tag comparison is the provider's (constant time); a mismatch is an ordinary drop.
            return -1;
        }
    }

    private Context context() throws GeneralSecurityException {
        Context c = contexts.get();
        if (c == null) {
            c = new Context(Cipher.getInstance("AES/GCM/NoPadding"), salt);
            contexts.set(c);
        }
        return c;
    }

    private static void writeLong(long v, byte[] b, int off) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}

package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC (RFC 3602) with HMAC-SHA1-96 (RFC 2404) or HMAC-SHA2 (RFC 4868), encrypt-then-MAC as
 * RFC 4303 §3.3.2 orders it: the ICV covers SPI, sequence number, IV and ciphertext.
 */
final class CbcHmacSuite implements EspCryptoSuite {
    private static final int IV = 16;

    private final SecretKeySpec cipherKey;
    private final SecretKeySpec macKey;
    private final EspTransform.Integrity integrity;
    private final SecureRandom random; // null for an inbound SA, which never seals
    private final ThreadLocal<Context> contexts = new ThreadLocal<>();

    /** Per-thread JCA state: Mac keeps its key between packets; Cipher is re-initialised with each IV. */
    private static final class Context {
        final Cipher cipher;
        final Mac mac;
        final byte[] iv = new byte[IV];
        final byte[] fullMac;
        /**
         * The plaintext moves here before it is encrypted back into the packet: the JDK's CipherCore copies
         * any input that overlaps its output into a fresh array, which in place was 1.5 kB of garbage per
         * full-size packet (bin/bench-esp-alloc).
         */
        byte[] plaintext = new byte[2048];

        Context(Cipher cipher, Mac mac) {
            this.cipher = cipher;
            this.mac = mac;
            this.fullMac = new byte[mac.getMacLength()];
        }
    }

    CbcHmacSuite(EspTransform transform, EspKeys keys, SecureRandom random) {
        this.cipherKey = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.macKey = new SecretKeySpec(keys.integrityKey(), transform.integrity().jcaName());
        this.integrity = transform.integrity();
        this.random = random;
    }

    @Override
    public void selfCheck() throws GeneralSecurityException {
        Context c = context();
        c.cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(c.iv));
    }

    @Override
    public void seal(long sequence, byte[] buf, int off, int plaintextLength) throws GeneralSecurityException {
        Context c = context();
        int ivOff = off + 8;
        int ptOff = ivOff + IV;
        // RFC 3602 §3: the IV must be unpredictable, so it comes from the injected SecureRandom.
        random.nextBytes(c.iv);
        System.arraycopy(c.iv, 0, buf, ivOff, IV);
        c.cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(c.iv));
        if (c.plaintext.length < plaintextLength) {
            c.plaintext = new byte[plaintextLength];
        }
        System.arraycopy(buf, ptOff, c.plaintext, 0, plaintextLength);
        c.cipher.doFinal(c.plaintext, 0, plaintextLength, buf, ptOff);
        int icvOff = ptOff + plaintextLength;
        c.mac.update(buf, off, icvOff - off);
        c.mac.doFinal(c.fullMac, 0);
        System.arraycopy(c.fullMac, 0, buf, icvOff, integrity.icvBytes());
    }

    @Override
    public int open(byte[] in, int off, int len, byte[] out, int outOff) throws GeneralSecurityException {
        Context c = context();
        int icv = integrity.icvBytes();
        int icvOff = off + len - icv;
        // Verify before decrypting (RFC 4303 §3.4.4): forged packets never reach the cipher.
        c.mac.update(in, off, len - icv);
        c.mac.doFinal(c.fullMac, 0);
        if (!ConstantTime.equals(c.fullMac, 0, in, icvOff, icv)) {
            return -1;
        }
        c.cipher.init(Cipher.DECRYPT_MODE, cipherKey, new IvParameterSpec(in, off + 8, IV));
        return c.cipher.doFinal(in, off + 8 + IV, len - 8 - IV - icv, out, outOff);
    }

    private Context context() throws GeneralSecurityException {
        Context c = contexts.get();
        if (c == null) {
            Mac mac = Mac.getInstance(integrity.jcaName());
            mac.init(macKey);
            c = new Context(Cipher.getInstance("AES/CBC/NoPadding"), mac);
            contexts.set(c);
        }
        return c;
    }
}

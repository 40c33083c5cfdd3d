package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.Arrays;

/** The two IKEv1 ways of stretching a PRF key into more keying material than one PRF output. */
public final class KeyExpansion {

    private static final byte[] ZERO_OCTET = {0};

    private KeyExpansion() {
    }

    /**
     * The phase 1 message encryption key from SKEYID_e (RFC 2409 Appendix B): the first
     * {@code keyLength} bytes of SKEYID_e when it is long enough, otherwise the first bytes of
     * K1 | K2 | ... with K1 = prf(SKEYID_e, 0) and Kn = prf(SKEYID_e, Kn-1). The 0 is a single
     * zero octet. SKEYID_e itself is not part of the expanded key.
     */
    public static byte[] phase1EncryptionKey(PrfAlgorithm prf, byte[] skeyidE, int keyLength) {
        if (skeyidE.length >= keyLength) {
            return Arrays.copyOf(skeyidE, keyLength);
        }
        byte[] out = new byte[keyLength];
        byte[] block = ZERO_OCTET;
        for (int offset = 0; offset < keyLength; offset += block.length) {
            byte[] next = prf.prf(skeyidE, block);
            System.arraycopy(next, 0, out, offset, Math.min(next.length, keyLength - offset));
            if (block != ZERO_OCTET) {
                ByteArrays.wipe(block);
            }
            block = next;
        }
        ByteArrays.wipe(block);
        return out;
    }

    /**
     * Quick Mode KEYMAT (RFC 2409 §5.5): K1 | K2 | ... truncated to {@code length}, with
     * K1 = prf(SKEYID_d, seed) and Kn = prf(SKEYID_d, Kn-1 | seed), where the seed is
     * [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b.
     */
    public static byte[] keymat(PrfAlgorithm prf, byte[] skeyidD, byte[] seed, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("KEYMAT length must be positive");
        }
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        for (int offset = 0; offset < length; offset += previous.length) {
            byte[] next = prf.prf(skeyidD, previous, seed);
            System.arraycopy(next, 0, out, offset, Math.min(next.length, length - offset));
            ByteArrays.wipe(previous);
            previous = next;
        }
        ByteArrays.wipe(previous);
        return out;
    }
}

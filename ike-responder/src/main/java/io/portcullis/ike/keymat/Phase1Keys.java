package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.PrfAlgorithm;

/**
 * The phase 1 key family of RFC 2409 §5:
 * <pre>
 *   SKEYID   = prf(Ni_b | Nr_b, g^xy)                   signatures
 *            = prf(pre-shared-key, Ni_b | Nr_b)          pre-shared keys
 *   SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
 *   SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
 *   SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
 * </pre>
 * plus the message encryption key from SKEYID_e (Appendix B). The 0/1/2 are single octets.
 *
 * <p>Accessors return copies; callers wipe their copies with {@link ByteArrays#wipe} and call
 * {@link #destroy()} when the IKE SA is deleted.
 */
public final class Phase1Keys {

    private static final byte[] ZERO = {0};
    private static final byte[] ONE = {1};
    private static final byte[] TWO = {2};

    private final PrfAlgorithm prf;
    private final byte[] skeyid;
    private final byte[] skeyidD;
    private final byte[] skeyidA;
    private final byte[] skeyidE;
    private final byte[] encryptionKey;

    private Phase1Keys(PrfAlgorithm prf, byte[] skeyid, byte[] skeyidD, byte[] skeyidA, byte[] skeyidE,
            byte[] encryptionKey) {
        this.prf = prf;
        this.skeyid = skeyid;
        this.skeyidD = skeyidD;
        this.skeyidA = skeyidA;
        this.skeyidE = skeyidE;
        this.encryptionKey = encryptionKey;
    }

    /** SKEYID for the given authentication class (RFC 2409 §5). */
    public static byte[] skeyid(PrfAlgorithm prf, Phase1Authentication authentication, byte[] niB, byte[] nrB,
            byte[] gxy) {
        if (authentication instanceof Phase1Authentication.PreSharedKey psk) {
            byte[] key = psk.key();
            try {
                return prf.prf(key, niB, nrB);
            } finally {
                ByteArrays.wipe(key);
            }
        }
        byte[] nonces = ByteArrays.concat(niB, nrB);
        try {
            return prf.prf(nonces, gxy);
        } finally {
            ByteArrays.wipe(nonces);
        }
    }

    /** Derives the whole family; the encryption key is sized for {@code cipher}. */
    public static Phase1Keys derive(Phase1KeyInput input, IkeCipher cipher) {
        PrfAlgorithm prf = input.prf();
        byte[] gxy = input.sharedSecret();
        byte[] ckyI = input.initiatorCookie();
        byte[] ckyR = input.responderCookie();
        byte[] niB = input.initiatorNonce();
        byte[] nrB = input.responderNonce();
        try {
            byte[] skeyid = skeyid(prf, input.authentication(), niB, nrB, gxy);
            byte[] skeyidD = prf.prf(skeyid, gxy, ckyI, ckyR, ZERO);
            byte[] skeyidA = prf.prf(skeyid, skeyidD, gxy, ckyI, ckyR, ONE);
            byte[] skeyidE = prf.prf(skeyid, skeyidA, gxy, ckyI, ckyR, TWO);
            byte[] encryptionKey = KeyExpansion.phase1EncryptionKey(prf, skeyidE, cipher.keyLength());
            return new Phase1Keys(prf, skeyid, skeyidD, skeyidA, skeyidE, encryptionKey);
        } finally {
            ByteArrays.wipe(gxy);
        }
    }

    public PrfAlgorithm prf() {
        return prf;
    }

    /** SKEYID, the key of HASH_I / HASH_R. */
    public byte[] skeyid() {
        return skeyid.clone();
    }

    /** SKEYID_d, the key of Quick Mode KEYMAT. */
    public byte[] skeyidD() {
        return skeyidD.clone();
    }

    /** SKEYID_a, the key of Quick Mode and Informational HASH payloads. */
    public byte[] skeyidA() {
        return skeyidA.clone();
    }

    /** SKEYID_e, from which the message encryption key comes. */
    public byte[] skeyidE() {
        return skeyidE.clone();
    }

    /** The phase 1 message encryption key (RFC 2409 Appendix B). */
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    /** Overwrites every key of the family. The object is unusable afterwards. */
    public void destroy() {
        ByteArrays.wipe(skeyid, skeyidD, skeyidA, skeyidE, encryptionKey);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "Phase1Keys[" + prf + "]";
    }
}

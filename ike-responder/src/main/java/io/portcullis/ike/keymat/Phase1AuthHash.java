package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.security.MessageDigest;

/**
 * HASH_I and HASH_R of Main Mode (RFC 2409 §5):
 * <pre>
 *   HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b)
 *   HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)
 * </pre>
 * IDii_b / IDir_b are the ID payload bodies (ID type, protocol, port, data) without the generic
 * payload header. With signature authentication these hashes are what gets signed.
 */
public final class Phase1AuthHash {

    private Phase1AuthHash() {
    }

    public static byte[] hashI(PrfAlgorithm prf, byte[] skeyid, Phase1Transcript transcript, byte[] initiatorIdBody) {
        return prf.prf(skeyid, transcript.gxi(), transcript.gxr(), transcript.initiatorCookie(),
                transcript.responderCookie(), transcript.initiatorSaBody(), initiatorIdBody);
    }

    public static byte[] hashR(PrfAlgorithm prf, byte[] skeyid, Phase1Transcript transcript, byte[] responderIdBody) {
        return prf.prf(skeyid, transcript.gxr(), transcript.gxi(), transcript.responderCookie(),
                transcript.initiatorCookie(), transcript.initiatorSaBody(), responderIdBody);
    }

    /** Constant-time comparison of a computed hash with one a peer sent. */
    public static boolean matches(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }
}

package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.security.MessageDigest;

/**
 * The HASH payloads of Quick Mode (RFC 2409 §5.5), keyed with SKEYID_a (the Informational HASH is
 * {@link InformationalHash}). M-ID is the 4-byte message ID from the ISAKMP
 * header; "rest" is every payload after the HASH payload exactly as encoded on the wire,
 * generic payload headers included.
 */
public final class QuickModeHashes {

    private static final byte[] ZERO = {0};

    private QuickModeHashes() {
    }

    /** HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [ | KE ] [ | IDci | IDcr ]). */
    public static byte[] hash1(PrfAlgorithm prf, byte[] skeyidA, int messageId, byte[] rest) {
        return prf.prf(skeyidA, ByteArrays.uint32(messageId), rest);
    }

    /** HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [ | KE ] [ | IDci | IDcr ]). */
    public static byte[] hash2(PrfAlgorithm prf, byte[] skeyidA, int messageId, byte[] initiatorNonce, byte[] rest) {
        return prf.prf(skeyidA, ByteArrays.uint32(messageId), initiatorNonce, rest);
    }

    /** HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b); the 0 is a single octet. */
    public static byte[] hash3(PrfAlgorithm prf, byte[] skeyidA, int messageId, byte[] initiatorNonce,
            byte[] responderNonce) {
        return prf.prf(skeyidA, ZERO, ByteArrays.uint32(messageId), initiatorNonce, responderNonce);
    }

    /** Constant-time comparison of a computed hash with one a peer sent. */
    public static boolean matches(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }
}

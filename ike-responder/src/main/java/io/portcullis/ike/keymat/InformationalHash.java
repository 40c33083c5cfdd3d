package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.PrfAlgorithm;

/**
 * The HASH(1) of a protected Informational exchange (RFC 2409 §5.7), keyed with SKEYID_a like the
 * Quick Mode hashes but of a different exchange: HASH(1) = prf(SKEYID_a, M-ID | N/D), N/D being the
 * Notify or Delete payload as encoded on the wire, generic payload header included.
 */
public final class InformationalHash {

    private InformationalHash() {
    }

    public static byte[] hash1(PrfAlgorithm prf, byte[] skeyidA, int messageId, byte[] notifyOrDelete) {
        return prf.prf(skeyidA, ByteArrays.uint32(messageId), notifyOrDelete);
    }
}

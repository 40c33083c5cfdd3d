package io.portcullis.ike.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The negotiated IKEv1 hash algorithm and the HMAC PRF built on it.
 *
 * <p>IKEv1 negotiates a hash, not a PRF: when no PRF attribute is proposed (strongSwan never
 * proposes one) the HMAC version of the hash is the PRF (RFC 2409 §5, Appendix A), and the bare
 * hash is used for IVs (RFC 2409 Appendix B). Identifiers are the IKEv1 "Hash Algorithm"
 * attribute values: SHA = 2 from RFC 2409 Appendix A, SHA2-256/384/512 = 4/5/6 from the IANA
 * "IPSEC Attributes - Hash Algorithm" registry.
 */
public enum PrfAlgorithm {
    HMAC_SHA1(2, "HmacSHA1", "SHA-1", 20),
    HMAC_SHA2_256(4, "HmacSHA256", "SHA-256", 32),
    HMAC_SHA2_384(5, "HmacSHA384", "SHA-384", 48),
    HMAC_SHA2_512(6, "HmacSHA512", "SHA-512", 64);

    private final int ikeHashId;
    private final String macName;
    private final String digestName;
    private final int outputLength;

    PrfAlgorithm(int ikeHashId, String macName, String digestName, int outputLength) {
        this.ikeHashId = ikeHashId;
        this.macName = macName;
        this.digestName = digestName;
        this.outputLength = outputLength;
    }

    /** The algorithm for an IKEv1 Hash Algorithm attribute value, if we support it. */
    public static Optional<PrfAlgorithm> byIkeHashId(int id) {
        for (PrfAlgorithm algorithm : values()) {
            if (algorithm.ikeHashId == id) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public int ikeHashId() {
        return ikeHashId;
    }

    /** Output length in bytes of both the PRF and the hash. */
    public int outputLength() {
        return outputLength;
    }

    /**
     * prf(key, data[0] | data[1] | ...). The key must not be empty: every IKEv1 PRF key (a nonce
     * pair, a pre-shared key, SKEYID*) is non-empty, and an empty one signals a caller bug.
     */
    public byte[] prf(byte[] key, byte[]... data) {
        if (key.length == 0) {
            throw new IllegalArgumentException("IKEv1 PRF keys are never empty");
        }
        try {
            Mac mac = JcaInstances.mac(macName);
            mac.init(new SecretKeySpec(key, macName));
            for (byte[] part : data) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform(macName, e);
        }
    }

    /** hash(data[0] | data[1] | ...), the bare hash of RFC 2409 Appendix B IV generation. */
    public byte[] hash(byte[]... data) {
        try {
            MessageDigest digest = JcaInstances.digest(digestName);
            for (byte[] part : data) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform(digestName, e);
        }
    }
}

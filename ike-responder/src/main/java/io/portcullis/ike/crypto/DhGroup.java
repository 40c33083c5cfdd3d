package io.portcullis.ike.crypto;

import java.security.SecureRandom;

/**
 * A Diffie-Hellman group as negotiated in IKEv1 (Group Description attribute, RFC 2409 §6,
 * RFC 3526, RFC 5903).
 *
 * <p>Public values are in KE payload form: a MODP value is the big-endian integer left-padded
 * to the prime's length; an ECP value is x | y, each coordinate padded to the field length
 * (RFC 5903 §7). The shared secret g^xy is fixed-length too: the padded MODP result, or the
 * x coordinate alone for ECP (RFC 5903 §7).
 */
public sealed interface DhGroup permits ModpGroup, EcpGroup {

    /** The IKEv1 Group Description value. */
    int id();

    /** Exact length of a KE payload's key exchange data for this group. */
    int publicValueLength();

    /** Exact length of the shared secret g^xy. */
    int sharedSecretLength();

    /** A fresh key pair from the injected random source. */
    DhKeyPair generate(SecureRandom random);

    /**
     * The key pair for a given private value (big-endian exponent or scalar). For deterministic
     * test harnesses and published test vectors; production code uses {@link #generate}.
     *
     * @throws IllegalArgumentException if the value is not a usable private key for this group
     */
    DhKeyPair fromPrivateValue(byte[] privateValue);

    /**
     * g^xy from our private key and the peer's KE data, after fully validating the peer value.
     *
     * @throws IkeCryptoException with {@link IkeCryptoException.Reason#INVALID_PUBLIC_VALUE} if the
     *     peer value has the wrong length, is out of range or is not a point on the curve
     * @throws IllegalArgumentException if {@code own} belongs to another group (a caller bug)
     */
    byte[] sharedSecret(DhPrivate own, byte[] peerPublic) throws IkeCryptoException;
}

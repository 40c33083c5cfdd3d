package io.portcullis.ike.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.DHStandardGroups;

/**
 * A MODP group with generator 2 over one of the well-known safe primes: group 2 (RFC 2409 §6.2),
 * groups 5, 14, 15, 16 (RFC 3526). The primes are Bouncy Castle's copies of the RFC constants;
 * the tests recompute them from the RFC's pi formula.
 *
 * <p>Peer values are checked as RFC 2409 §5 / NIST SP 800-56A §5.6.2.3.1 ask: exactly the prime's
 * length, and 1 &lt; y &lt; p-1. Because p is a safe prime, that excludes the only small subgroups
 * (orders 1 and 2), so no separate y^q check is needed.
 */
public final class ModpGroup implements DhGroup {

    private static final BigInteger TWO = BigInteger.valueOf(2);

    // Private exponent lengths: twice the upper strength estimate of RFC 3526 §8 (group 2 has no
    // estimate there; 1024-bit MODP is ~80-bit strong, we use 256 bits like group 5).
    public static final ModpGroup MODP_1024 = new ModpGroup(2, DHStandardGroups.rfc2409_1024.getP(), 256);
    public static final ModpGroup MODP_1536 = new ModpGroup(5, DHStandardGroups.rfc3526_1536.getP(), 256);
    public static final ModpGroup MODP_2048 = new ModpGroup(14, DHStandardGroups.rfc3526_2048.getP(), 320);
    public static final ModpGroup MODP_3072 = new ModpGroup(15, DHStandardGroups.rfc3526_3072.getP(), 420);
    public static final ModpGroup MODP_4096 = new ModpGroup(16, DHStandardGroups.rfc3526_4096.getP(), 480);

    private final int id;
    private final BigInteger p;
    private final BigInteger pMinusOne;
    private final int length;
    private final int exponentBits;

    private ModpGroup(int id, BigInteger p, int exponentBits) {
        this.id = id;
        this.p = p;
        this.pMinusOne = p.subtract(BigInteger.ONE);
        this.length = (p.bitLength() + 7) / 8;
        this.exponentBits = exponentBits;
    }

    @Override
    public int id() {
        return id;
    }

    /** The prime modulus. */
    public BigInteger prime() {
        return p;
    }

    /** The generator, 2 for every group here. */
    public BigInteger generator() {
        return TWO;
    }

    @Override
    public int publicValueLength() {
        return length;
    }

    @Override
    public int sharedSecretLength() {
        return length;
    }

    @Override
    public DhKeyPair generate(SecureRandom random) {
        // Top bit set so every exponent has the full intended strength.
        BigInteger x = new BigInteger(exponentBits, random).setBit(exponentBits - 1);
        return keyPair(x);
    }

    @Override
    public DhKeyPair fromPrivateValue(byte[] privateValue) {
        BigInteger x = new BigInteger(1, privateValue);
        if (x.compareTo(BigInteger.ONE) <= 0 || x.compareTo(pMinusOne) >= 0) {
            throw new IllegalArgumentException("MODP private exponent must satisfy 1 < x < p-1");
        }
        return keyPair(x);
    }

    private DhKeyPair keyPair(BigInteger x) {
        BigInteger y = TWO.modPow(x, p);
        return new DhKeyPair(new ModpPrivate(id, x), ByteArrays.unsignedFixedLength(y, length));
    }

    @Override
    public byte[] sharedSecret(DhPrivate own, byte[] peerPublic) throws IkeCryptoException {
        if (!(own instanceof ModpPrivate mine) || mine.groupId() != id) {
            throw new IllegalArgumentException("private key of group " + own.groupId() + " used with group " + id);
        }
        if (peerPublic.length != length) {
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "MODP group " + id + " public value is " + peerPublic.length + " bytes, expected " + length);
        }
        BigInteger y = new BigInteger(1, peerPublic);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(pMinusOne) >= 0) {
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "MODP group " + id + " public value outside 1 < y < p-1");
        }
        return ByteArrays.unsignedFixedLength(y.modPow(mine.exponent(), p), length);
    }

    /** A MODP private exponent. */
    static final class ModpPrivate implements DhPrivate {
        private final int groupId;
        private BigInteger x;

        ModpPrivate(int groupId, BigInteger x) {
            this.groupId = groupId;
            this.x = x;
        }

        @Override
        public int groupId() {
            return groupId;
        }

        BigInteger exponent() {
            if (x == null) {
                throw new IllegalStateException("DH private key was destroyed");
            }
            return x;
        }

        @Override
        public void destroy() {
            x = null;
        }

        @Override
        public String toString() {
            return "ModpPrivate[group " + groupId + "]";
        }
    }
}

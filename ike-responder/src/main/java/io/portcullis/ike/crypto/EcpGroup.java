package io.portcullis.ike.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The random ECP groups of RFC 5903: group 19 (P-256) and group 20 (P-384).
 *
 * <p>Key generation and agreement run in the JDK's EC implementation (constant-time field
 * arithmetic). The peer point is validated here before JCA sees it, so a bad value becomes a
 * typed error rather than whatever exception a provider chooses: length exactly 2 × field
 * length (RFC 5903 §7), both coordinates below p, and y² = x³ + ax + b (mod p). Both curves
 * have cofactor 1, so every point on the curve other than infinity (which x | y cannot
 * encode) lies in the prime-order group.
 */
public final class EcpGroup implements DhGroup {

    public static final EcpGroup ECP_256 = new EcpGroup(19, "secp256r1", 32);
    public static final EcpGroup ECP_384 = new EcpGroup(20, "secp384r1", 48);

    private final int id;
    private final String curveName;
    private final int fieldLength;
    private final ECParameterSpec params;
    private final BigInteger p;

    private EcpGroup(int id, String curveName, int fieldLength) {
        this.id = id;
        this.curveName = curveName;
        this.fieldLength = fieldLength;
        this.params = parameters(curveName);
        this.p = ((ECFieldFp) params.getCurve().getField()).getP();
    }

    private static ECParameterSpec parameters(String curveName) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curveName));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform("EC parameters of " + curveName, e);
        }
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int publicValueLength() {
        return 2 * fieldLength;
    }

    @Override
    public int sharedSecretLength() {
        return fieldLength;
    }

    @Override
    public DhKeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curveName), random);
            KeyPair pair = generator.generateKeyPair();
            ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
            return new DhKeyPair(new EcpPrivate(id, pair.getPrivate()), encode(w.getAffineX(), w.getAffineY()));
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform("EC key generation on " + curveName, e);
        }
    }

    @Override
    public DhKeyPair fromPrivateValue(byte[] privateValue) {
        BigInteger d = new BigInteger(1, privateValue);
        if (d.signum() <= 0 || d.compareTo(params.getOrder()) >= 0) {
            throw new IllegalArgumentException("ECP private scalar must satisfy 0 < d < n");
        }
        // JCA has no public scalar-multiplication API, so the public point of an injected
        // scalar is computed with Bouncy Castle's fixed-base comb multiplier.
        X9ECParameters bc = ECNamedCurveTable.getByName(curveName);
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(bc.getG(), d).normalize();
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, params));
            return new DhKeyPair(new EcpPrivate(id, key),
                    encode(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()));
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform("EC private key import on " + curveName, e);
        }
    }

    @Override
    public byte[] sharedSecret(DhPrivate own, byte[] peerPublic) throws IkeCryptoException {
        if (!(own instanceof EcpPrivate mine) || mine.groupId() != id) {
            throw new IllegalArgumentException("private key of group " + own.groupId() + " used with group " + id);
        }
        PublicKey peer = validatedPeerKey(peerPublic);
        KeyAgreement agreement;
        try {
            agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(mine.key());
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform("ECDH on " + curveName, e);
        }
        byte[] secret;
        try {
            agreement.doPhase(peer, true);
            secret = agreement.generateSecret();
        } catch (InvalidKeyException e) {
            // Our own validation should already have refused any point the provider dislikes.
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "ECP group " + id + " public value refused by key agreement", e);
        }
        if (secret.length == fieldLength) {
            return secret;
        }
        // RFC 5903 §7: the shared secret is x, fixed at the field length.
        byte[] fixed = ByteArrays.unsignedFixedLength(new BigInteger(1, secret), fieldLength);
        ByteArrays.wipe(secret);
        return fixed;
    }

    private PublicKey validatedPeerKey(byte[] peerPublic) throws IkeCryptoException {
        if (peerPublic.length != 2 * fieldLength) {
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "ECP group " + id + " public value is " + peerPublic.length + " bytes, expected " + 2 * fieldLength);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(peerPublic, 0, fieldLength));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(peerPublic, fieldLength, 2 * fieldLength));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "ECP group " + id + " public value has a coordinate not below p");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        if (!left.equals(right)) {
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "ECP group " + id + " public value is not a point on the curve");
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
        } catch (InvalidKeySpecException e) {
            throw new IkeCryptoException(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE,
                    "ECP group " + id + " public value refused by the EC key factory", e);
        } catch (GeneralSecurityException e) {
            throw JcaFailure.platform("EC public key import on " + curveName, e);
        }
    }

    private byte[] encode(BigInteger x, BigInteger y) {
        return ByteArrays.concat(ByteArrays.unsignedFixedLength(x, fieldLength), ByteArrays.unsignedFixedLength(y, fieldLength));
    }

    /** An ECP private key held as a JCA key. */
    static final class EcpPrivate implements DhPrivate {
        private final int groupId;
        private PrivateKey key;

        EcpPrivate(int groupId, PrivateKey key) {
            this.groupId = groupId;
            this.key = key;
        }

        @Override
        public int groupId() {
            return groupId;
        }

        PrivateKey key() {
            if (key == null) {
                throw new IllegalStateException("DH private key was destroyed");
            }
            return key;
        }

        @Override
        public void destroy() {
            key = null;
        }

        @Override
        public String toString() {
            return "EcpPrivate[group " + groupId + "]";
        }
    }
}

package io.portcullis.ca.signing;

import java.math.BigInteger;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The curves a Portcullis CA key or a requester's key may use, each with <em>one</em> set of
 * Bouncy Castle domain parameters for the life of the JVM.
 *
 * <p>Why one set matters: Bouncy Castle keeps the precomputed multiples of the base point G on
 * the G object itself. Its JCA layer converts a key's {@code java.security} parameters into a new
 * G for every {@code Signature} object, so each signature recomputed the whole comb table for G
 * (a tenth of the server's CPU during REST issuance, measured with JFR). Signing and verifying
 * through these shared parameters computes that table once.
 */
public enum NamedEcCurve {
    P256(X9ObjectIdentifiers.prime256v1),
    P384(SECObjectIdentifiers.secp384r1);

    private final ASN1ObjectIdentifier oid;
    private final ECDomainParameters domain;

    NamedEcCurve(ASN1ObjectIdentifier oid) {
        this.oid = oid;
        X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
        this.domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public ECDomainParameters domain() {
        return domain;
    }

    /** The curve of an EC public key that names P-256 or P-384; empty for anything else. */
    public static Optional<NamedEcCurve> of(SubjectPublicKeyInfo key) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(key.getAlgorithm().getAlgorithm())
                || !(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier named)) {
            return Optional.empty();
        }
        for (NamedEcCurve curve : values()) {
            if (curve.oid.equals(named)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    /** The curve a JCA key's parameters describe (field, coefficients, base point, order); empty if none of ours. */
    public static Optional<NamedEcCurve> of(ECParameterSpec spec) {
        for (NamedEcCurve curve : values()) {
            if (curve.describes(spec)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    private boolean describes(ECParameterSpec spec) {
        ECPoint g = domain.getG();
        return domain.getN().equals(spec.getOrder())
                && domain.getCurve().getField().getCharacteristic().equals(fieldPrime(spec))
                && domain.getCurve().getA().toBigInteger().equals(spec.getCurve().getA())
                && domain.getCurve().getB().toBigInteger().equals(spec.getCurve().getB())
                && g.getAffineXCoord().toBigInteger().equals(spec.getGenerator().getAffineX())
                && g.getAffineYCoord().toBigInteger().equals(spec.getGenerator().getAffineY());
    }

    private static BigInteger fieldPrime(ECParameterSpec spec) {
        return spec.getCurve().getField() instanceof java.security.spec.ECFieldFp fp ? fp.getP() : BigInteger.ZERO;
    }
}

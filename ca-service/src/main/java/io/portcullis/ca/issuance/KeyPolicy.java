package io.portcullis.ca.issuance;

import io.portcullis.ca.error.PortcullisException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Which subject public keys Portcullis certifies: RSA 2048-8192 bits with a sane exponent, or
 * ECDSA on the named curves P-256 and P-384 in uncompressed form. That is what strongSwan, the
 * JDK and OpenSSL all verify, and what CA/B Forum BR 6.1.5/6.1.6 allow. Everything else is
 * refused with {@code weak-key}, {@code unsupported-key} or {@code malformed-key}.
 */
public final class KeyPolicy {

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
    private static final int MAX_EXPONENT_BITS = 256;
    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            X9ObjectIdentifiers.prime256v1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384");
    private static final Map<ASN1ObjectIdentifier, String> KNOWN_REFUSED = Map.of(
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS-restricted RSA",
            X9ObjectIdentifiers.id_dsa, "DSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            EdECObjectIdentifiers.id_X25519, "X25519",
            EdECObjectIdentifiers.id_X448, "X448");

    public void check(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            checkRsa(key);
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            checkEc(key);
        } else {
            String name = KNOWN_REFUSED.getOrDefault(algorithm, "unknown algorithm");
            throw unsupported("key algorithm " + name + " (" + algorithm + ") is not accepted; use RSA (2048-8192 bits) or ECDSA P-256/P-384");
        }
    }

    private static void checkRsa(SubjectPublicKeyInfo key) {
        ASN1Encodable parameters = primitive(key.getAlgorithm().getParameters());
        if (parameters != null && !(parameters instanceof ASN1Null)) {
            throw malformed("rsaEncryption key parameters must be NULL");
        }
        RSAPublicKey rsa = rsaKey(key);
        BigInteger modulus = rsa.getModulus();
        BigInteger exponent = rsa.getPublicExponent();
        if (modulus.signum() <= 0 || !modulus.testBit(0)) {
            throw weak("the RSA modulus is not a positive odd number");
        }
        int bits = modulus.bitLength();
        if (bits < MIN_RSA_BITS) {
            throw weak("the RSA key has " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (bits > MAX_RSA_BITS) {
            throw unsupported("the RSA key has " + bits + " bits; at most " + MAX_RSA_BITS + " are accepted");
        }
        if (bits % 8 != 0) {
            throw unsupported("the RSA key has " + bits + " bits; the modulus size must be a multiple of 8");
        }
        if (!exponent.testBit(0) || exponent.compareTo(MIN_EXPONENT) < 0) {
            throw weak("the RSA public exponent " + exponent + " must be odd and at least 65537");
        }
        if (exponent.bitLength() > MAX_EXPONENT_BITS) {
            throw unsupported("the RSA public exponent has " + exponent.bitLength() + " bits; it must be below 2^256");
        }
    }

    private static RSAPublicKey rsaKey(SubjectPublicKeyInfo key) {
        if (key.getPublicKeyData().getPadBits() != 0) {
            throw malformed("the RSA public key BIT STRING has unused bits");
        }
        byte[] der = key.getPublicKeyData().getOctets();
        DerStructure.firstProblem(der).ifPresent(problem -> {
            throw malformed("the RSA public key is not valid DER: " + problem);
        });
        try {
            return RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw PortcullisException.badRequest("malformed-key", "the RSA public key cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static void checkEc(SubjectPublicKeyInfo key) {
        // Compare primitives: an SPKI built in code may hold e.g. an X9ECParameters object.
        ASN1Encodable parameters = primitive(key.getAlgorithm().getParameters());
        if (parameters instanceof ASN1Sequence) {
            // Explicit parameters let a requester smuggle a weak curve in under a familiar name.
            throw unsupported("EC keys with explicit curve parameters are not accepted; use the named curve P-256 or P-384");
        }
        if (!(parameters instanceof ASN1ObjectIdentifier)) {
            throw unsupported("EC keys must name their curve (P-256 or P-384); got " + (parameters == null ? "no parameters" : parameters));
        }
        ASN1ObjectIdentifier curveOid = (ASN1ObjectIdentifier) parameters;
        String curveName = CURVES.get(curveOid);
        if (curveName == null) {
            String known = ECNamedCurveTable.getName(curveOid);
            throw unsupported("EC curve " + (known == null ? "" : known + " ") + "(" + curveOid + ") is not accepted; use P-256 or P-384");
        }
        checkPoint(key, curveOid, curveName);
    }

    private static void checkPoint(SubjectPublicKeyInfo key, ASN1ObjectIdentifier curveOid, String curveName) {
        X9ECParameters curve = ECNamedCurveTable.getByOID(curveOid);
        byte[] encoded = key.getPublicKeyData().getOctets();
        int fieldBytes = (curve.getCurve().getFieldSize() + 7) / 8;
        if (key.getPublicKeyData().getPadBits() != 0 || encoded.length != 1 + 2 * fieldBytes || encoded[0] != 0x04) {
            // Compressed points are legal in RFC 5480, but the JDK 17 cannot decode them.
            throw unsupported("the " + curveName + " public key must be an uncompressed point of " + (1 + 2 * fieldBytes) + " bytes");
        }
        ECPoint point;
        try {
            point = curve.getCurve().decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw PortcullisException.badRequest("malformed-key", "the public key is not a point on " + curveName + ": " + e.getMessage(), e);
        }
        if (point.isInfinity() || !point.isValid()) {
            throw malformed("the public key is not a valid point on " + curveName);
        }
    }

    private static ASN1Primitive primitive(ASN1Encodable encodable) {
        return encodable == null ? null : encodable.toASN1Primitive();
    }

    private static PortcullisException weak(String detail) {
        return PortcullisException.badRequest("weak-key", detail);
    }

    private static PortcullisException unsupported(String detail) {
        return PortcullisException.badRequest("unsupported-key", detail);
    }

    private static PortcullisException malformed(String detail) {
        return PortcullisException.badRequest("malformed-key", detail);
    }
}

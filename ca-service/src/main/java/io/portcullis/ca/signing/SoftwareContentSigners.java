package io.portcullis.ca.signing;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.keys.BcProvider;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds {@link ContentSigner}s over a software private key. Used by {@link SoftwareCaSigner}
 * and, once, to self-sign a freshly generated root (before any {@link CaSigner} can exist).
 *
 * <p>Provider choice, measured on JDK 17.0.15 / BC 1.83 on the 2-core build machine (fresh
 * {@code Signature} per signature, 600-byte message, signatures per second, two runs):
 * <pre>
 *   P-256 ECDSA   SunEC 1,460-2,120   BC 8,260-12,750
 *   P-384 ECDSA   SunEC   710-  730   BC 2,960- 4,760
 *   RSA-2048      SunRsaSign 1,170-1,290   BC 1,140-1,210
 *   RSA-3072      SunRsaSign   410-  415   BC   270-  400
 * </pre>
 * JDK 17's SunEC does not yet have the optimised P-256 point arithmetic of later JDKs, so Bouncy
 * Castle is 4-6x faster for ECDSA and is used for EC keys; both implement ECDSA with constant-time
 * table lookups. P-256 and P-384 keys sign through {@link EcdsaContentSigner}, Bouncy Castle's
 * signer on shared curve parameters (see {@link NamedEcCurve} for why its JCA layer is slower). For RSA the JDK's SunRsaSign is as fast or faster (and blinded), so it is used.
 * The BC provider is {@link BcProvider#INSTANCE}, never registered JVM-wide, so this choice cannot
 * change what other code gets from {@code Security.getProviders()}.
 */
public final class SoftwareContentSigners {

    private static final Provider BOUNCY_CASTLE = BcProvider.INSTANCE;
    private static final ASN1ObjectIdentifier EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;

    private SoftwareContentSigners() {
    }

    /**
     * The signature algorithm a CA with this public key signs with: SHA-256 for P-256 and RSA,
     * SHA-384 for P-384 (matching hash strength to curve size, as CA/B Forum BR 7.1.3.2 requires).
     */
    public static String signatureAlgorithmFor(SubjectPublicKeyInfo publicKey) {
        ASN1ObjectIdentifier algorithm = publicKey.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return "SHA256withRSA";
        }
        if (EC_PUBLIC_KEY.equals(algorithm)) {
            Object curve = publicKey.getAlgorithm().getParameters();
            if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
                return "SHA256withECDSA";
            }
            if (SECObjectIdentifiers.secp384r1.equals(curve)) {
                return "SHA384withECDSA";
            }
        }
        throw PortcullisException.internal("unsupported-ca-key",
                "a CA key must be RSA, EC P-256 or EC P-384; got " + algorithm + " " + publicKey.getAlgorithm().getParameters(), null);
    }

    public static AlgorithmIdentifier algorithmIdentifier(String signatureAlgorithm) {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(signatureAlgorithm);
    }

    public static ContentSigner create(PrivateKey key, String signatureAlgorithm, SecureRandom random) {
        AlgorithmIdentifier algorithm = algorithmIdentifier(signatureAlgorithm);
        if (key instanceof ECPrivateKey ec && EcdsaDigests.forAlgorithm(algorithm.getAlgorithm()).isPresent()) {
            Optional<NamedEcCurve> curve = NamedEcCurve.of(ec.getParams());
            if (curve.isPresent()) {
                return new EcdsaContentSigner(ec.getS(), curve.get(), algorithm, random);
            }
        }
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm)
                    .setProvider(providerFor(key))
                    .setSecureRandom(random)
                    .build(key);
        } catch (OperatorCreationException e) {
            throw PortcullisException.internal("signer-unavailable",
                    "cannot create a " + signatureAlgorithm + " signer: " + e.getMessage(), e);
        }
    }

    /** The provider verifying signatures: BC handles every algorithm and curve a CSR may use. */
    public static Provider verificationProvider() {
        return BOUNCY_CASTLE;
    }

    private static Provider providerFor(PrivateKey key) {
        if ("EC".equals(key.getAlgorithm())) {
            return BOUNCY_CASTLE;
        }
        Provider sunRsaSign = Security.getProvider("SunRsaSign");
        if ("RSA".equals(key.getAlgorithm()) && sunRsaSign != null) {
            return sunRsaSign;
        }
        // An unusual JDK without SunRsaSign, or a key type we did not measure: BC supports all.
        return BOUNCY_CASTLE;
    }
}

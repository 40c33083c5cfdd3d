package io.portcullis.ca.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies ECDSA signatures by one P-256 or P-384 public key on the shared {@link NamedEcCurve}
 * parameters. Keep one instance per key (the CA's own key) to keep the key's precomputed
 * multiples too; a throw-away instance per key (a CSR's) still reuses the base point's.
 *
 * <p>The public point is decoded and validated (on the curve, not infinity) when the provider is
 * built; a signature that is not a strict DER {@code SEQUENCE {r, s}} of two positive integers
 * simply does not verify.
 */
public final class EcdsaContentVerifierProvider implements ContentVerifierProvider {

    private final ECPublicKeyParameters key;
    private final X509CertificateHolder certificate;

    private EcdsaContentVerifierProvider(ECPublicKeyParameters key, X509CertificateHolder certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * A provider for a P-256 or P-384 key; empty for any other key.
     *
     * @throws IllegalArgumentException if the key names one of these curves but its point is not on it
     */
    public static Optional<EcdsaContentVerifierProvider> of(SubjectPublicKeyInfo publicKey) {
        return of(publicKey, null);
    }

    /** As {@link #of(SubjectPublicKeyInfo)}, for the key of a certificate (e.g. the issuing CA's). */
    public static Optional<EcdsaContentVerifierProvider> of(X509CertificateHolder certificate) {
        return of(certificate.getSubjectPublicKeyInfo(), certificate);
    }

    private static Optional<EcdsaContentVerifierProvider> of(SubjectPublicKeyInfo publicKey, X509CertificateHolder certificate) {
        return NamedEcCurve.of(publicKey).map(curve -> new EcdsaContentVerifierProvider(new ECPublicKeyParameters(
                curve.domain().getCurve().decodePoint(publicKey.getPublicKeyData().getOctets()), curve.domain()), certificate));
    }

    @Override
    public boolean hasAssociatedCertificate() {
        return certificate != null;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
        return certificate;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        DigestOutputStream data = new DigestOutputStream(EcdsaDigests.forAlgorithm(algorithm.getAlgorithm())
                .orElseThrow(() -> new OperatorCreationException("not an ECDSA algorithm with SHA-2: " + algorithm.getAlgorithm())));
        return new ContentVerifier() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return data;
            }

            @Override
            public boolean verify(byte[] signature) {
                Optional<BigInteger[]> rs = decode(signature);
                if (rs.isEmpty()) {
                    return false;
                }
                ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, key);
                return verifier.verifySignature(data.finish(), rs.get()[0], rs.get()[1]);
            }
        };
    }

    /** {@code SEQUENCE {r INTEGER, s INTEGER}} in strict DER with nothing after it, r and s positive. */
    static Optional<BigInteger[]> decode(byte[] signature) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
            if (sequence.size() != 2 || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), signature)) {
                return Optional.empty();
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (r.signum() <= 0 || s.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BigInteger[] {r, s});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

package io.portcullis.ca.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.operator.ContentSigner;

/**
 * One ECDSA signature (X9.62 / RFC 5758 DER {@code SEQUENCE {r, s}}) over what is written to
 * {@link #getOutputStream()}, with Bouncy Castle's signer on the shared {@link NamedEcCurve}
 * parameters, so the base point's precomputed table is reused by every signature. The nonce k is
 * drawn from the given {@link SecureRandom}, as the JCA signer did.
 */
final class EcdsaContentSigner implements ContentSigner {

    private final ECPrivateKeyParameters key;
    private final AlgorithmIdentifier algorithm;
    private final SecureRandom random;
    private final DigestOutputStream data;

    EcdsaContentSigner(BigInteger privateScalar, NamedEcCurve curve, AlgorithmIdentifier algorithm, SecureRandom random) {
        this.key = new ECPrivateKeyParameters(privateScalar, curve.domain());
        this.algorithm = algorithm;
        this.random = random;
        this.data = new DigestOutputStream(EcdsaDigests.forAlgorithm(algorithm.getAlgorithm())
                .orElseThrow(() -> new IllegalArgumentException("not an ECDSA signature algorithm: " + algorithm.getAlgorithm())));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(key, random));
        BigInteger[] rs = signer.generateSignature(data.finish());
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("DER encoding of two integers failed", e);
        }
    }
}

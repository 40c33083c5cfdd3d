package io.portcullis.ca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The ECDSA signer and verifier on shared curve parameters, checked against an independent
 * implementation (the JDK's SunEC) in both directions, and against hostile signature encodings.
 */
class EcdsaOnSharedCurvesTest {

    private static final byte[] MESSAGE = "a to-be-signed certificate".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"secp256r1, SHA256withECDSA", "secp256r1, SHA512withECDSA", "secp384r1, SHA384withECDSA", "secp384r1, SHA256withECDSA"})
    void signaturesVerifyWithTheJdkAndJdkSignaturesVerifyHere(String curve, String algorithm) throws Exception {
        KeyPair keys = jdkKeyPair(curve);
        ContentSigner signer = SoftwareContentSigners.create(keys.getPrivate(), algorithm, new SecureRandom());
        assertThat(signer).isInstanceOf(EcdsaContentSigner.class);

        byte[] ours = sign(signer, MESSAGE);
        Signature jdk = Signature.getInstance(algorithm, "SunEC");
        jdk.initVerify(keys.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(ours)).isTrue();

        jdk.initSign(keys.getPrivate());
        jdk.update(MESSAGE);
        byte[] theirs = jdk.sign();
        assertThat(verify(keys, signer.getAlgorithmIdentifier(), MESSAGE, theirs)).isTrue();
        assertThat(verify(keys, signer.getAlgorithmIdentifier(), MESSAGE, ours)).isTrue();
    }

    @Test
    void anotherMessageOrAnotherKeyDoesNotVerify() throws Exception {
        KeyPair keys = jdkKeyPair("secp256r1");
        ContentSigner signer = SoftwareContentSigners.create(keys.getPrivate(), "SHA256withECDSA", new SecureRandom());
        byte[] signature = sign(signer, MESSAGE);

        assertThat(verify(keys, signer.getAlgorithmIdentifier(), "another".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        assertThat(verify(jdkKeyPair("secp256r1"), signer.getAlgorithmIdentifier(), MESSAGE, signature)).isFalse();
    }

    @Test
    void hostileSignatureEncodingsDoNotVerifyAndThrowNothing() throws Exception {
        KeyPair keys = jdkKeyPair("secp256r1");
        ContentSigner signer = SoftwareContentSigners.create(keys.getPrivate(), "SHA256withECDSA", new SecureRandom());
        byte[] good = sign(signer, MESSAGE);
        AlgorithmIdentifier algorithm = signer.getAlgorithmIdentifier();
        BigInteger n = NamedEcCurve.P256.domain().getN();

        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        byte[] berLength = new byte[good.length + 1]; // long-form length where DER needs the short form
        berLength[0] = 0x30;
        berLength[1] = (byte) 0x81;
        System.arraycopy(good, 1, berLength, 2, good.length - 1);
        for (byte[] hostile : new byte[][] {new byte[0], {0x30, 0x00}, trailing, truncated, berLength,
                sequence(BigInteger.ZERO, BigInteger.ONE), sequence(BigInteger.ONE.negate(), BigInteger.ONE),
                sequence(n, BigInteger.ONE), sequence(BigInteger.ONE, n.add(BigInteger.ONE)),
                new DERSequence(new ASN1Integer(1)).getEncoded(), "garbage".getBytes(StandardCharsets.US_ASCII)}) {
            assertThat(verify(keys, algorithm, MESSAGE, hostile)).as(Arrays.toString(hostile)).isFalse();
        }
        assertThat(verify(keys, algorithm, MESSAGE, good)).isTrue();
    }

    @Test
    void aPointOffTheCurveIsRefusedWhenTheKeyIsRead() throws Exception {
        SubjectPublicKeyInfo real = SubjectPublicKeyInfo.getInstance(jdkKeyPair("secp256r1").getPublic().getEncoded());
        byte[] point = real.getPublicKeyData().getOctets();
        point[point.length - 1] ^= 1; // y no longer matches x
        SubjectPublicKeyInfo offCurve = new SubjectPublicKeyInfo(real.getAlgorithm(), point);

        assertThatThrownBy(() -> EcdsaContentVerifierProvider.of(offCurve)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherCurvesAndRsaAndSha1AreLeftToJca() throws Exception {
        KeyPair p521 = jdkKeyPair("secp521r1");
        assertThat(EcdsaContentVerifierProvider.of(SubjectPublicKeyInfo.getInstance(p521.getPublic().getEncoded()))).isEmpty();
        assertThat(NamedEcCurve.of(((ECPrivateKey) p521.getPrivate()).getParams())).isEmpty();
        assertThat(SoftwareContentSigners.create(p521.getPrivate(), "SHA512withECDSA", new SecureRandom()))
                .isNotInstanceOf(EcdsaContentSigner.class);

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        assertThat(EcdsaContentVerifierProvider.of(SubjectPublicKeyInfo.getInstance(rsaKeys.getPublic().getEncoded()))).isEmpty();

        KeyPair p256 = jdkKeyPair("secp256r1");
        EcdsaContentVerifierProvider provider = EcdsaContentVerifierProvider
                .of(SubjectPublicKeyInfo.getInstance(p256.getPublic().getEncoded())).orElseThrow();
        assertThatThrownBy(() -> provider.get(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA1)))
                .isInstanceOf(OperatorCreationException.class);
    }

    @Test
    void jdkCurveParametersMapToOurCurves() throws Exception {
        assertThat(NamedEcCurve.of(((ECPrivateKey) jdkKeyPair("secp256r1").getPrivate()).getParams())).contains(NamedEcCurve.P256);
        assertThat(NamedEcCurve.of(((ECPrivateKey) jdkKeyPair("secp384r1").getPrivate()).getParams())).contains(NamedEcCurve.P384);
    }

    private static byte[] sequence(BigInteger r, BigInteger s) throws Exception {
        return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded(ASN1Encoding.DER);
    }

    private static boolean verify(KeyPair keys, AlgorithmIdentifier algorithm, byte[] message, byte[] signature) throws Exception {
        ContentVerifier verifier = EcdsaContentVerifierProvider
                .of(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())).orElseThrow().get(algorithm);
        try (OutputStream out = verifier.getOutputStream()) {
            out.write(message);
        }
        return verifier.verify(signature);
    }

    private static byte[] sign(ContentSigner signer, byte[] message) throws Exception {
        try (OutputStream out = signer.getOutputStream()) {
            out.write(message);
        }
        return signer.getSignature();
    }

    private static KeyPair jdkKeyPair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}

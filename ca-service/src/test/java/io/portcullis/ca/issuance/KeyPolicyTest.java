package io.portcullis.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.keys.BcProvider;
import io.portcullis.ca.keys.KeyAlgorithm;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

class KeyPolicyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPolicy policy = new KeyPolicy();

    @Test
    void acceptsP256P384AndRsa2048To4096() {
        for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384, KeyAlgorithm.RSA_2048}) {
            assertThatCode(() -> policy.check(spki(algorithm.generate(RANDOM).getPublic()))).doesNotThrowAnyException();
        }
        assertThatCode(() -> policy.check(rsa(4096, BigInteger.valueOf(65537)))).doesNotThrowAnyException();
    }

    @Test
    void refusesRsa1024AsWeakNamingTheSize() {
        assertRefused(rsa(1024, BigInteger.valueOf(65537)), "weak-key", "1024 bits");
    }

    @Test
    void refusesRsaAbove8192BitsAsUnsupported() {
        assertRefused(rsa(8200, BigInteger.valueOf(65537)), "unsupported-key", "8200 bits");
    }

    @Test
    void refusesRsaExponentThreeAndEvenExponents() {
        assertRefused(rsa(2048, BigInteger.valueOf(3)), "weak-key", "exponent 3");
        assertRefused(rsa(2048, BigInteger.valueOf(65538)), "weak-key", "exponent 65538");
    }

    @Test
    void refusesRsaExponentOf2To256OrMore() {
        assertRefused(rsa(2048, BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE)), "unsupported-key", "2^256");
    }

    @Test
    void refusesRsaModulusNotAMultipleOf8Bits() {
        assertRefused(rsa(2049, BigInteger.valueOf(65537)), "unsupported-key", "multiple of 8");
    }

    @Test
    void refusesP521AndSecp256k1NamingTheCurve() throws Exception {
        assertRefused(ec("secp521r1", null), "unsupported-key", "secp521r1");
        assertRefused(ec("secp256k1", BcProvider.INSTANCE), "unsupported-key", "secp256k1");
    }

    @Test
    void refusesExplicitCurveParametersEvenForP256() {
        X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
        SubjectPublicKeyInfo named = spki(KeyAlgorithm.EC_P256.generate(RANDOM).getPublic());
        SubjectPublicKeyInfo explicit = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, p256), named.getPublicKeyData().getBytes());

        assertRefused(explicit, "unsupported-key", "explicit curve parameters");
    }

    @Test
    void refusesCompressedAndOffCurvePoints() {
        SubjectPublicKeyInfo named = spki(KeyAlgorithm.EC_P256.generate(RANDOM).getPublic());
        byte[] point = named.getPublicKeyData().getBytes();
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | (point[64] & 1));
        System.arraycopy(point, 1, compressed, 1, 32);
        assertRefused(new SubjectPublicKeyInfo(named.getAlgorithm(), compressed), "unsupported-key", "uncompressed");

        byte[] offCurve = point.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> policy.check(new SubjectPublicKeyInfo(named.getAlgorithm(), offCurve)))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("malformed-key"));
    }

    @Test
    void refusesEd25519AndDsaAsUnsupported() throws Exception {
        assertRefused(spki(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()), "unsupported-key", "Ed25519");
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        assertRefused(spki(dsa.generateKeyPair().getPublic()), "unsupported-key", "DSA");
    }

    private void assertRefused(SubjectPublicKeyInfo key, String slug, String detailFragment) {
        assertThatThrownBy(() -> policy.check(key))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo(slug);
                    assertThat(e.detail()).contains(detailFragment);
                });
    }

    /** An RSA public key of exactly {@code bits} bits; no private key is needed to test the policy. */
    private static SubjectPublicKeyInfo rsa(int bits, BigInteger exponent) {
        BigInteger modulus = new BigInteger(bits, RANDOM).setBit(bits - 1).setBit(0);
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    new RSAPublicKey(modulus, exponent));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static SubjectPublicKeyInfo ec(String curve, java.security.Provider provider) throws Exception {
        KeyPairGenerator generator = provider == null ? KeyPairGenerator.getInstance("EC") : KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec(curve), RANDOM);
        return spki(generator.generateKeyPair().getPublic());
    }

    private static SubjectPublicKeyInfo spki(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }
}

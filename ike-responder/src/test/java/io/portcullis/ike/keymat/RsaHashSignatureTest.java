package io.portcullis.ike.keymat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RsaHashSignatureTest {

    private static RSAPrivateKey privateKey;
    private static RSAPublicKey publicKey;
    private static RSAPublicKey otherPublicKey;

    private static final byte[] HASH_R = PrfAlgorithm.HMAC_SHA1.prf("skeyid".getBytes(StandardCharsets.US_ASCII),
            "g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b".getBytes(StandardCharsets.US_ASCII));

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        privateKey = (RSAPrivateKey) pair.getPrivate();
        publicKey = (RSAPublicKey) pair.getPublic();
        otherPublicKey = (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    @Test
    void signatureVerifiesWithTheMatchingPublicKey() {
        byte[] signature = RsaHashSignature.sign(privateKey, HASH_R);

        assertThat(signature).hasSize(256);
        assertThatCode(() -> RsaHashSignature.verify(publicKey, HASH_R, signature)).doesNotThrowAnyException();
    }

    @Test
    void signatureIsPkcs1Type1OverTheRawHashWithoutDigestInfo() throws Exception {
        byte[] signature = RsaHashSignature.sign(privateKey, HASH_R);

        // Opened by hand: 00 01 FF..FF 00 || HASH, and nothing ASN.1 in front of the hash.
        byte[] block = new BigInteger(1, signature).modPow(publicKey.getPublicExponent(), publicKey.getModulus())
                .toByteArray();
        byte[] em = new byte[256];
        System.arraycopy(block, 0, em, 256 - block.length, block.length);
        int hashStart = 256 - HASH_R.length;
        assertThat(em[0]).isZero();
        assertThat(em[1]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(em, 2, hashStart - 1)).containsOnly((byte) 0xff);
        assertThat(em[hashStart - 1]).isZero();
        assertThat(Arrays.copyOfRange(em, hashStart, 256)).isEqualTo(HASH_R);

        // And JCA's raw NONEwithRSA, an independent code path, agrees.
        Signature none = Signature.getInstance("NONEwithRSA");
        none.initVerify(publicKey);
        none.update(HASH_R);
        assertThat(none.verify(signature)).isTrue();
    }

    @Test
    void signatureOverAnotherHashIsRejected() {
        byte[] signature = RsaHashSignature.sign(privateKey, HASH_R);
        byte[] otherHash = HASH_R.clone();
        otherHash[0] ^= 1;

        assertRejected(() -> RsaHashSignature.verify(publicKey, otherHash, signature), IkeCryptoException.Reason.BAD_SIGNATURE);
    }

    @Test
    void signatureOverAHashOfAnotherLengthIsAWrongSizeSignedHash() {
        byte[] sha256Hash = PrfAlgorithm.HMAC_SHA2_256.prf(new byte[] {1}, new byte[] {2});
        byte[] signature = RsaHashSignature.sign(privateKey, sha256Hash);

        assertRejected(() -> RsaHashSignature.verify(publicKey, Arrays.copyOf(sha256Hash, 20), signature),
                IkeCryptoException.Reason.WRONG_SIZE_SIGNED_HASH);
    }

    @Test
    void tamperedSignatureIsRejected() {
        byte[] signature = RsaHashSignature.sign(privateKey, HASH_R);
        signature[100] ^= 0x40;

        assertRejected(() -> RsaHashSignature.verify(publicKey, HASH_R, signature), IkeCryptoException.Reason.BAD_SIGNATURE);
    }

    @Test
    void signatureFromAnotherKeyIsRejected() {
        byte[] signature = RsaHashSignature.sign(privateKey, HASH_R);

        assertRejected(() -> RsaHashSignature.verify(otherPublicKey, HASH_R, signature),
                IkeCryptoException.Reason.BAD_SIGNATURE);
    }

    @Test
    void signatureLongerThanTheModulusIsRejected() {
        byte[] signature = RsaHashSignature.sign(privateKey, HASH_R);
        byte[] tooLong = new byte[signature.length + 1];
        tooLong[0] = 1;
        System.arraycopy(signature, 0, tooLong, 1, signature.length);

        assertRejected(() -> RsaHashSignature.verify(publicKey, HASH_R, tooLong), IkeCryptoException.Reason.BAD_SIGNATURE);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            IkeCryptoException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IkeCryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package io.portcullis.ike.crypto;

import static io.portcullis.ike.crypto.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.stream.Stream;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IkeCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<IkeCipher> ciphers() {
        return Stream.of(new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16), new IkeCipher(BlockCipherAlgorithm.AES_CBC, 24),
                new IkeCipher(BlockCipherAlgorithm.AES_CBC, 32), new IkeCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 24));
    }

    @Test
    void aes128CbcMatchesSp80038aExampleF21() {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
        byte[] ciphertext = cipher.encrypt(hex("2b7e151628aed2a6abf7158809cf4f3c"),
                hex("000102030405060708090a0b0c0d0e0f"), hex("6bc1bee22e409f96e93d7e117393172a"));
        assertThat(ciphertext).isEqualTo(hex("7649abac8119b246cee98e9b12e9197d"));
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void encryptThenDecryptRoundTrips(IkeCipher cipher) throws IkeCryptoException {
        byte[] key = random(cipher.keyLength());
        byte[] iv = random(cipher.blockSize());
        byte[] plaintext = random(cipher.blockSize() * 5);

        byte[] ciphertext = cipher.encrypt(key, iv, plaintext);

        assertThat(ciphertext).hasSameSizeAs(plaintext).isNotEqualTo(plaintext);
        assertThat(cipher.decrypt(key, iv, ciphertext)).isEqualTo(plaintext);
    }

    /** Bouncy Castle's lightweight engines are an implementation independent of the JCA providers we use. */
    @ParameterizedTest
    @MethodSource("ciphers")
    void ciphertextMatchesAnIndependentCbcImplementation(IkeCipher cipher) {
        byte[] key = random(cipher.keyLength());
        byte[] iv = random(cipher.blockSize());
        byte[] plaintext = random(cipher.blockSize() * 3);

        BlockCipher engine = CBCBlockCipher.newInstance(
                cipher.algorithm() == BlockCipherAlgorithm.AES_CBC ? AESEngine.newInstance() : new DESedeEngine());
        engine.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] expected = new byte[plaintext.length];
        for (int offset = 0; offset < plaintext.length; offset += cipher.blockSize()) {
            engine.processBlock(plaintext, offset, expected, offset);
        }

        assertThat(cipher.encrypt(key, iv, plaintext)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void ciphertextThatIsNotWholeBlocksIsAMalformedMessage(IkeCipher cipher) {
        byte[] key = random(cipher.keyLength());
        byte[] iv = random(cipher.blockSize());
        for (byte[] bad : new byte[][] {new byte[0], new byte[cipher.blockSize() + 1], new byte[cipher.blockSize() - 1]}) {
            assertThatThrownBy(() -> cipher.decrypt(key, iv, bad))
                    .isInstanceOfSatisfying(IkeCryptoException.class,
                            e -> assertThat(e.reason()).isEqualTo(IkeCryptoException.Reason.MALFORMED_CIPHERTEXT));
        }
    }

    @Test
    void unpaddedPlaintextIsACallerBug() {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
        assertThatThrownBy(() -> cipher.encrypt(new byte[16], new byte[16], new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyLengthsOutsideTheAlgorithmAreRefused() {
        assertThatThrownBy(() -> new IkeCipher(BlockCipherAlgorithm.AES_CBC, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IkeCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 16))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ikeEncryptionAlgorithmIdsMapToCiphers() {
        assertThat(BlockCipherAlgorithm.byIkeId(5)).contains(BlockCipherAlgorithm.TRIPLE_DES_CBC);
        assertThat(BlockCipherAlgorithm.byIkeId(7)).contains(BlockCipherAlgorithm.AES_CBC);
        assertThat(BlockCipherAlgorithm.byIkeId(1)).isEmpty();
        assertThat(BlockCipherAlgorithm.TRIPLE_DES_CBC.blockSize()).isEqualTo(8);
        assertThat(BlockCipherAlgorithm.AES_CBC.blockSize()).isEqualTo(16);
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}

package io.portcullis.ike.keymat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 2409 Appendix B IVs: initial values, chaining, and commit/rollback around verification. */
class IkeMessageCryptoTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] GXI = "g^xi of the initiator".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GXR = "g^xr of the responder".getBytes(StandardCharsets.US_ASCII);

    static Stream<IkeCipher> ciphers() {
        return Stream.of(new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16), new IkeCipher(BlockCipherAlgorithm.AES_CBC, 32),
                new IkeCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 24));
    }

    @Test
    void phase1IvIsHashOfBothPublicValuesTruncatedToTheBlock() throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(ReferenceHmac.cat(GXI, GXR));

        assertThat(IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 16).current()).isEqualTo(Arrays.copyOf(sha1, 16));
        assertThat(IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 8).current()).isEqualTo(Arrays.copyOf(sha1, 8));
    }

    @Test
    void phase2IvIsHashOfLastPhase1BlockAndMessageId() throws Exception {
        IvChain phase1 = IvChain.phase1(PrfAlgorithm.HMAC_SHA2_256, GXI, GXR, 16);
        byte[] lastBlock = phase1.current();
        byte[] sha256 = MessageDigest.getInstance("SHA-256")
                .digest(ReferenceHmac.cat(lastBlock, ReferenceHmac.be32(0xdeadbeefL)));

        IvChain quickMode = IvChain.phase2(PrfAlgorithm.HMAC_SHA2_256, phase1, 0xdeadbeef);

        assertThat(quickMode.current()).isEqualTo(Arrays.copyOf(sha256, 16));
        assertThat(phase1.current()).as("deriving a phase 2 IV leaves phase 1 alone").isEqualTo(lastBlock);
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void sendingAdvancesTheChainToTheLastCiphertextBlock(IkeCipher cipher) {
        IkeMessageCrypto crypto = new IkeMessageCrypto(cipher, random(cipher.keyLength()));
        IvChain chain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, cipher.blockSize());

        byte[] ciphertext = crypto.encrypt(chain, new byte[40]);

        assertThat(ciphertext.length % cipher.blockSize()).isZero();
        assertThat(chain.current()).isEqualTo(lastBlock(ciphertext, cipher.blockSize()));
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void bothEndsStayInStepAcrossAnExchange(IkeCipher cipher) throws IkeCryptoException {
        byte[] key = random(cipher.keyLength());
        IkeMessageCrypto initiator = new IkeMessageCrypto(cipher, key);
        IkeMessageCrypto responder = new IkeMessageCrypto(cipher, key);
        IvChain initiatorChain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, cipher.blockSize());
        IvChain responderChain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, cipher.blockSize());

        byte[] message5 = "ID|CERT|SIG of the initiator".getBytes(StandardCharsets.US_ASCII);
        IkeMessageCrypto.Decryption received5 = responder.decrypt(responderChain, initiator.encrypt(initiatorChain, message5));
        assertThat(received5.plaintext()).startsWith(message5);
        received5.commit();

        byte[] message6 = "ID|CERT|SIG of the responder, a little longer".getBytes(StandardCharsets.US_ASCII);
        IkeMessageCrypto.Decryption received6 = initiator.decrypt(initiatorChain, responder.encrypt(responderChain, message6));
        assertThat(received6.plaintext()).startsWith(message6);
        received6.commit();

        assertThat(initiatorChain.current()).isEqualTo(responderChain.current());
    }

    @Test
    void uncommittedDecryptionLeavesTheIvSoTheGenuineMessageStillDecrypts() throws IkeCryptoException {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
        byte[] key = random(16);
        IkeMessageCrypto peer = new IkeMessageCrypto(cipher, key);
        IkeMessageCrypto us = new IkeMessageCrypto(cipher, key);
        IvChain peerChain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 16);
        IvChain ourChain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 16);
        byte[] before = ourChain.current();

        // A forged message decrypts to garbage; its hash fails, so it is never committed.
        us.decrypt(ourChain, random(48));
        assertThat(ourChain.current()).isEqualTo(before);

        byte[] genuine = "the real message 5".getBytes(StandardCharsets.US_ASCII);
        assertThat(us.decrypt(ourChain, peer.encrypt(peerChain, genuine)).plaintext()).startsWith(genuine);
    }

    @Test
    void commitMovesTheChainToTheLastBlockOfTheReceivedMessage() throws IkeCryptoException {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 24);
        IkeMessageCrypto crypto = new IkeMessageCrypto(cipher, random(24));
        IvChain chain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 8);
        byte[] ciphertext = random(32);

        crypto.decrypt(chain, ciphertext).commit();

        assertThat(chain.current()).isEqualTo(lastBlock(ciphertext, 8));
    }

    @Test
    void commitAfterTheChainMovedOnIsRefused() throws IkeCryptoException {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
        IkeMessageCrypto crypto = new IkeMessageCrypto(cipher, random(16));
        IvChain chain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 16);

        IkeMessageCrypto.Decryption stale = crypto.decrypt(chain, random(32));
        crypto.decrypt(chain, random(32)).commit();

        assertThatThrownBy(stale::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecryptionCommitsOnlyOnce() throws IkeCryptoException {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
        IkeMessageCrypto crypto = new IkeMessageCrypto(cipher, random(16));
        IvChain chain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 16);
        IkeMessageCrypto.Decryption decryption = crypto.decrypt(chain, random(32));

        decryption.commit();

        assertThatThrownBy(decryption::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedCiphertextIsATypedErrorAndLeavesTheIv() {
        IkeCipher cipher = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
        IkeMessageCrypto crypto = new IkeMessageCrypto(cipher, random(16));
        IvChain chain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 16);
        byte[] before = chain.current();

        assertThatThrownBy(() -> crypto.decrypt(chain, random(33)))
                .isInstanceOfSatisfying(IkeCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(IkeCryptoException.Reason.MALFORMED_CIPHERTEXT));
        assertThat(chain.current()).isEqualTo(before);
    }

    @Test
    void chainOfAnotherBlockSizeIsACallerBug() {
        IkeMessageCrypto crypto = new IkeMessageCrypto(new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16), random(16));
        IvChain desChain = IvChain.phase1(PrfAlgorithm.HMAC_SHA1, GXI, GXR, 8);

        assertThatThrownBy(() -> crypto.encrypt(desChain, new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] lastBlock(byte[] ciphertext, int blockSize) {
        return Arrays.copyOfRange(ciphertext, ciphertext.length - blockSize, ciphertext.length);
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}

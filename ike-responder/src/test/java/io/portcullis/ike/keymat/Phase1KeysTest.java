package io.portcullis.ike.keymat;

import static io.portcullis.ike.crypto.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Phase 1 key derivation against the NIST SP 800-135 IKEv1 KDF component test vectors (CAVP
 * "ikev1" samples, DSA = signature mode and PSK mode).
 *
 * <p>The NIST .fax files themselves are not in the searchable corpus; the values below are
 * NIST's, as embedded in two independent open-source test suites that name NIST as their source:
 * <ul>
 *   <li>NSS, gtests/common/testvectors/ike-sha1-vectors.h and ike-sha256-vectors.h
 *       ("these vectors are from this NIST samples"), cases 1-5;</li>
 *   <li>a Rust KDF crate's test_tpm_ike1 case, which reproduces a complete NIST IKEv1 DSA SHA-1
 *       record with its intermediate values (1024-bit g^xy).</li>
 * </ul>
 * NSS splits one NIST record into separate SKEYID and SKEYID_d/a/e checks; here they are run
 * through {@link Phase1Keys#derive} as one record, since each output depends only on its inputs.
 */
class Phase1KeysTest {

    private static final IkeCipher AES_128 = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 16);
    private static final IkeCipher AES_256 = new IkeCipher(BlockCipherAlgorithm.AES_CBC, 32);
    private static final IkeCipher TRIPLE_DES = new IkeCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 24);

    @Test
    void signatureModeSha1MatchesNistRecordWith1024BitSharedSecret() {
        Phase1KeyInput input = new Phase1KeyInput(PrfAlgorithm.HMAC_SHA1, new Phase1Authentication.Signatures(),
                hex("2a2e0bbe8da3657a83f3d35826e49e2d38e557e912a1b9e6c30c63577b3eab71"
                        + "5466202862027f2c26f3090743555579611771db0b92bef93834432a3a7762fc"
                        + "8a0f4889fd281d6082770d10a40d7bad61e832f041e620d6787e7f62ab2861dd"
                        + "fbe272e0d9d3cdec5f1bbf750e24b8b32d6d714968ad69ce5086c32ad2742ebc"),
                hex("ced5635da6796075"), hex("6244b427712fb776"),
                hex("382e5c8b0a3fa307"), hex("ba4b7616700a2413"));

        Phase1Keys keys = Phase1Keys.derive(input, AES_128);

        assertThat(keys.skeyid()).isEqualTo(hex("dc37ac99de6dcfbd1ee74af7fb36f9b4b0a7829d"));
        assertThat(keys.skeyidD()).isEqualTo(hex("486293ed547adb562cefdaf43d3d8457b196f2b6"));
        assertThat(keys.skeyidA()).isEqualTo(hex("f4053b5ca07e59bb41b8f401037ca90b72b3917e"));
        assertThat(keys.skeyidE()).isEqualTo(hex("49a1d53a80fb77e663552964fbbcb45092021473"));
    }

    @Test
    void signatureModeSha1MatchesNistSamplesAsUsedByNss() {
        Phase1KeyInput input = new Phase1KeyInput(PrfAlgorithm.HMAC_SHA1, new Phase1Authentication.Signatures(),
                hex("8ba4cbc73c0187301dc19a975823854dbd641c597f637f8d053a83b9514673eb"),
                hex("69a62284195f1680"), hex("80c94ba25c8abda5"),
                hex("8c3bcd3a69831d7f"), hex("d2d9a7ff4fbe95a7"));

        Phase1Keys keys = Phase1Keys.derive(input, AES_128);

        assertThat(keys.skeyid()).isEqualTo(hex("707197817fb2d90cf54d1842606bdea59b9f4823"));
        assertThat(keys.skeyidD()).isEqualTo(hex("384be709a8a5e63c3ed160cfe3921c4b37d5b32d"));
        assertThat(keys.skeyidA()).isEqualTo(hex("48b327575abe3adba0f279849e289022a13e2b47"));
        assertThat(keys.skeyidE()).isEqualTo(hex("a4a415c8e0c38c0da847c356cc61c24df8025560"));
    }

    @Test
    void signatureModeSha256MatchesNistSamplesAsUsedByNss() {
        Phase1KeyInput input = new Phase1KeyInput(PrfAlgorithm.HMAC_SHA2_256, new Phase1Authentication.Signatures(),
                hex("a1ff3dc6cf9b4c04709943cb4ca1f1789bcf360b03f1d027de3ae8ee039e9155"),
                hex("b1dee62505b47b223bae14ce7a5b757402ad1587511618d09f94950d47f1d8d4ce86aca12"
                        + "d78db9854d86019ad735757ae79d8932ac0c7db842c85060150ca875ea5d47e3cfcb2a059"
                        + "22ebb7959d49b9797a2289676ee79a1d9a18b790f87e4771ddaf4be3376057a553162f68f"
                        + "e429aca73b07234543801ba2122b1bde82251770d05df813cf556a11ca4dc43ffcb85a97d"
                        + "bed16e2fda6985e07e31be6364899e63c507c7c616e5eb7765a53560f76772de43918ba07"
                        + "badfe85244dcdcd917cb065afb60e3b7e68b54dd94bfc7c31c8b752892781ed3cc4b7f28f"
                        + "bc0ab9af908f5ae1f09f893f80100a7b3135993161b51fbba3bbb24b9f88c6147de82cd6f"
                        + "0"),
                hex("f0acfef2ad1f7add0eaafda78c1cf1097d9fc91cb04a7c145069ac426fd164cbe661b1dd2"
                        + "df0fb84e19512181f0d8ea50b7860845f332757a8e56d2a3b7be436b5718a2d49baa996a4"
                        + "616684a208c2d611cd65e605dca6e3d3f116859b4410fe13679696bb2e23c08a40c7e1316"
                        + "d54b4c9c0286701c221151b3642cb4112ca1a53e0e597a7e29c634caed86ca3c31973d37b"
                        + "4c346134fd6784cd99913feedf3d29d89a0a02a5a750f02f5738109dcc670bb27701fb59f"
                        + "78e83b76860c3fec079a1fc8c937ddb58ae7500422b7e49ce63759c65b6bc439381d56bcc"
                        + "159edede894b073841036ebfa050a5b3e7c876a3f18def26b1768a263ac66c9d83b680eb5"
                        + "e"),
                hex("6c6beb72631ddc3d"), hex("b84e24b22cffbd14"));

        Phase1Keys keys = Phase1Keys.derive(input, AES_128);

        assertThat(keys.skeyid()).isEqualTo(hex("750c5c94b9c2ec20b68033e024dadf0fa87e8b48c6561b21c72478451a06583d"));
        assertThat(keys.skeyidD()).isEqualTo(hex("a4f7ca7de913814813e3312099e7c943bd293483f387532330237f1b20957310"));
        assertThat(keys.skeyidA()).isEqualTo(hex("1d4b705746c43b0a6fcbb8db33983c0f24ff6f8b6543e3779fed227c6067f004"));
        assertThat(keys.skeyidE()).isEqualTo(hex("03e6f16cd9ce9f64b5cdc5b34cca7163483ba5389a30afebef3d14640b0a815e"));
    }

    @Test
    void preSharedKeyModeSkeyidMatchesNistSamplesForSha1AndSha256() {
        byte[] sha1 = Phase1Keys.skeyid(PrfAlgorithm.HMAC_SHA1, new Phase1Authentication.PreSharedKey(hex("c0")),
                hex("03a6f25a83c8c2a3"), hex("9d958a6618f77e7f"), new byte[] {1});
        byte[] sha256 = Phase1Keys.skeyid(PrfAlgorithm.HMAC_SHA2_256, new Phase1Authentication.PreSharedKey(hex("a0")),
                hex("ead9ced494868f41"), hex("f1aff4f425a94f18"), new byte[] {1});

        assertThat(sha1).isEqualTo(hex("ab3be41bc62f2ef0c41a3076d58768be77fadd2e"));
        assertThat(sha256).isEqualTo(hex("558a99b299773d267cf7c8ef073bf3b7af362c206c75a538403c5ef884d4cace"));
    }

    @Test
    void preSharedKeySkeyidDoesNotDependOnTheSharedSecret() {
        Phase1Authentication psk = new Phase1Authentication.PreSharedKey(hex("c0"));
        byte[] a = Phase1Keys.skeyid(PrfAlgorithm.HMAC_SHA1, psk, hex("03a6f25a83c8c2a3"), hex("9d958a6618f77e7f"),
                new byte[] {1});
        byte[] b = Phase1Keys.skeyid(PrfAlgorithm.HMAC_SHA1, psk, hex("03a6f25a83c8c2a3"), hex("9d958a6618f77e7f"),
                new byte[] {2});
        byte[] signature = Phase1Keys.skeyid(PrfAlgorithm.HMAC_SHA1, new Phase1Authentication.Signatures(),
                hex("03a6f25a83c8c2a3"), hex("9d958a6618f77e7f"), new byte[] {1});

        assertThat(a).isEqualTo(b).isNotEqualTo(signature);
    }

    @Test
    void aes256KeyFromSha1NeedsAppendixBExpansion() {
        Phase1Keys keys = Phase1Keys.derive(nssSha1Input(), AES_256);

        byte[] skeyidE = keys.skeyidE();
        byte[] k1 = PrfAlgorithm.HMAC_SHA1.prf(skeyidE, new byte[] {0});
        byte[] k2 = PrfAlgorithm.HMAC_SHA1.prf(skeyidE, k1);
        byte[] expected = Arrays.copyOf(concat(k1, k2), 32);

        assertThat(keys.encryptionKey()).hasSize(32).isEqualTo(expected);
        assertThat(Arrays.copyOf(keys.encryptionKey(), 20)).isNotEqualTo(skeyidE);
    }

    @Test
    void tripleDesKeyFromSha1IsExpandedTo24Bytes() {
        Phase1Keys keys = Phase1Keys.derive(nssSha1Input(), TRIPLE_DES);

        byte[] k1 = PrfAlgorithm.HMAC_SHA1.prf(keys.skeyidE(), new byte[] {0});
        assertThat(keys.encryptionKey()).hasSize(24).startsWith(k1);
    }

    @Test
    void aes128KeyIsTheStartOfSkeyidEWithoutExpansion() {
        Phase1Keys keys = Phase1Keys.derive(nssSha1Input(), AES_128);

        assertThat(keys.encryptionKey()).isEqualTo(Arrays.copyOf(keys.skeyidE(), 16));
    }

    @Test
    void destroyOverwritesEveryKey() {
        Phase1Keys keys = Phase1Keys.derive(nssSha1Input(), AES_256);

        keys.destroy();

        for (byte[] key : new byte[][] {keys.skeyid(), keys.skeyidD(), keys.skeyidA(), keys.skeyidE(), keys.encryptionKey()}) {
            assertThat(key).containsOnly(0);
        }
    }

    @Test
    void inputRefusesCookiesThatAreNotEightBytes() {
        assertThatThrownBy(() -> new Phase1KeyInput(PrfAlgorithm.HMAC_SHA1, new Phase1Authentication.Signatures(),
                new byte[] {1}, new byte[] {1}, new byte[] {1}, new byte[7], new byte[8]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyMaterialNeverAppearsInToString() {
        Phase1KeyInput input = nssSha1Input();
        assertThat(input.toString()).doesNotContain("8ba4").doesNotContain("[B@");
        assertThat(new Phase1Authentication.PreSharedKey(hex("c0ffee")).toString()).isEqualTo("PreSharedKey[3 bytes]");
    }

    private static Phase1KeyInput nssSha1Input() {
        return new Phase1KeyInput(PrfAlgorithm.HMAC_SHA1, new Phase1Authentication.Signatures(),
                hex("8ba4cbc73c0187301dc19a975823854dbd641c597f637f8d053a83b9514673eb"),
                hex("69a62284195f1680"), hex("80c94ba25c8abda5"),
                hex("8c3bcd3a69831d7f"), hex("d2d9a7ff4fbe95a7"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

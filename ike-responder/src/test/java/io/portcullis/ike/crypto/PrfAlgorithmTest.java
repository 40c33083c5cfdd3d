package io.portcullis.ike.crypto;

import static io.portcullis.ike.crypto.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrfAlgorithmTest {

    private static final byte[] HI_THERE = "Hi There".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WHAT_DO_YA_WANT = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    private static byte[] repeated(int value, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }

    @Test
    void hmacSha1MatchesRfc2202TestCases1And2() {
        assertThat(PrfAlgorithm.HMAC_SHA1.prf(repeated(0x0b, 20), HI_THERE))
                .isEqualTo(hex("b617318655057264e28bc0b6fb378c8ef146be00"));
        assertThat(PrfAlgorithm.HMAC_SHA1.prf(JEFE, WHAT_DO_YA_WANT))
                .isEqualTo(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
    }

    @Test
    void hmacSha2MatchesRfc4231TestCase1() {
        byte[] key = repeated(0x0b, 20);
        assertThat(PrfAlgorithm.HMAC_SHA2_256.prf(key, HI_THERE))
                .isEqualTo(hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        assertThat(PrfAlgorithm.HMAC_SHA2_384.prf(key, HI_THERE)).isEqualTo(hex(
                "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                        + "faea9ea9076ede7f4af152e8b2fa9cb6"));
        assertThat(PrfAlgorithm.HMAC_SHA2_512.prf(key, HI_THERE)).isEqualTo(hex(
                "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                        + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"));
    }

    @Test
    void hmacSha2MatchesRfc4231TestCase2() {
        assertThat(PrfAlgorithm.HMAC_SHA2_256.prf(JEFE, WHAT_DO_YA_WANT))
                .isEqualTo(hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        assertThat(PrfAlgorithm.HMAC_SHA2_384.prf(JEFE, WHAT_DO_YA_WANT)).isEqualTo(hex(
                "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                        + "8e2240ca5e69e2c78b3239ecfab21649"));
        assertThat(PrfAlgorithm.HMAC_SHA2_512.prf(JEFE, WHAT_DO_YA_WANT)).isEqualTo(hex(
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                        + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"));
    }

    @Test
    void prfOverSeveralPartsEqualsPrfOverTheirConcatenation() {
        byte[] split = PrfAlgorithm.HMAC_SHA2_256.prf(JEFE, "what do ya ".getBytes(StandardCharsets.US_ASCII),
                new byte[0], "want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(split).isEqualTo(PrfAlgorithm.HMAC_SHA2_256.prf(JEFE, WHAT_DO_YA_WANT));
    }

    @Test
    void hashMatchesFips180AbcExamples() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(PrfAlgorithm.HMAC_SHA1.hash(abc)).isEqualTo(hex("a9993e364706816aba3e25717850c26c9cd0d89d"));
        assertThat(PrfAlgorithm.HMAC_SHA2_256.hash("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void outputLengthsMatchTheHash() {
        for (PrfAlgorithm algorithm : PrfAlgorithm.values()) {
            assertThat(algorithm.prf(JEFE, HI_THERE)).hasSize(algorithm.outputLength());
            assertThat(algorithm.hash(HI_THERE)).hasSize(algorithm.outputLength());
        }
    }

    @Test
    void ikeHashIdsMapToAlgorithmsAndMd5IsNotOffered() {
        assertThat(PrfAlgorithm.byIkeHashId(2)).contains(PrfAlgorithm.HMAC_SHA1);
        assertThat(PrfAlgorithm.byIkeHashId(4)).contains(PrfAlgorithm.HMAC_SHA2_256);
        assertThat(PrfAlgorithm.byIkeHashId(5)).contains(PrfAlgorithm.HMAC_SHA2_384);
        assertThat(PrfAlgorithm.byIkeHashId(6)).contains(PrfAlgorithm.HMAC_SHA2_512);
        assertThat(PrfAlgorithm.byIkeHashId(1)).isEmpty();
    }

    @Test
    void emptyPrfKeyIsRejectedAsCallerBug() {
        assertThatThrownBy(() -> PrfAlgorithm.HMAC_SHA1.prf(new byte[0], HI_THERE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

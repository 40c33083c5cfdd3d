package io.portcullis.ike.keymat;

import static io.portcullis.ike.keymat.ReferenceHmac.be32;
import static io.portcullis.ike.keymat.ReferenceHmac.cat;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Quick Mode HASH payloads against a plain second implementation of RFC 2409 §5.5. */
class QuickModeHashesTest {

    private static final byte[] SKEYID_A = "skeyid_a-for-a-test!".getBytes(StandardCharsets.US_ASCII);
    private static final int MESSAGE_ID = 0x8a3c0f01;
    private static final byte[] NI_B = "initiator nonce body".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NR_B = "responder nonce body".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REST = "SA|Nonce|IDci|IDcr payloads".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hash1IsPrfOfMessageIdAndTheFollowingPayloads() {
        assertThat(QuickModeHashes.hash1(PrfAlgorithm.HMAC_SHA1, SKEYID_A, MESSAGE_ID, REST))
                .isEqualTo(ReferenceHmac.sha1(SKEYID_A, cat(be32(0x8a3c0f01L), REST)));
    }

    @Test
    void hash2InsertsTheInitiatorNonceAfterTheMessageId() {
        assertThat(QuickModeHashes.hash2(PrfAlgorithm.HMAC_SHA2_256, SKEYID_A, MESSAGE_ID, NI_B, REST))
                .isEqualTo(ReferenceHmac.sha256(SKEYID_A, cat(be32(0x8a3c0f01L), NI_B, REST)));
    }

    @Test
    void hash3StartsWithAZeroOctetAndCoversBothNonces() {
        assertThat(QuickModeHashes.hash3(PrfAlgorithm.HMAC_SHA1, SKEYID_A, MESSAGE_ID, NI_B, NR_B))
                .isEqualTo(ReferenceHmac.sha1(SKEYID_A, cat(new byte[] {0}, be32(0x8a3c0f01L), NI_B, NR_B)));
    }

    @Test
    void aDifferentMessageIdGivesADifferentHash() {
        assertThat(QuickModeHashes.hash1(PrfAlgorithm.HMAC_SHA1, SKEYID_A, 1, REST))
                .isNotEqualTo(QuickModeHashes.hash1(PrfAlgorithm.HMAC_SHA1, SKEYID_A, 2, REST));
        assertThat(QuickModeHashes.matches(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(QuickModeHashes.matches(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
    }
}

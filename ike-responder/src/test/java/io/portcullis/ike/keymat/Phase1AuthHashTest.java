package io.portcullis.ike.keymat;

import static io.portcullis.ike.keymat.ReferenceHmac.cat;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * HASH_I / HASH_R. No published vectors exist for these, so they are checked against a plain
 * second implementation of the RFC 2409 §5 formulas ({@link ReferenceHmac}).
 */
class Phase1AuthHashTest {

    private static final byte[] SKEYID = bytes("skeyid-for-test-0123");
    private static final byte[] GXI = bytes("initiator public value");
    private static final byte[] GXR = bytes("responder public value");
    private static final byte[] CKY_I = bytes("ICOOKIE!");
    private static final byte[] CKY_R = bytes("RCOOKIE!");
    private static final byte[] SAI_B = bytes("SA body as the initiator sent it");
    private static final byte[] IDII_B = bytes("\u0002\u0000\u0000\u0000peer.test");
    private static final byte[] IDIR_B = bytes("\u0002\u0000\u0000\u0000gw.test");
    private static final Phase1Transcript TRANSCRIPT = new Phase1Transcript(GXI, GXR, CKY_I, CKY_R, SAI_B);

    @Test
    void hashICoversInitiatorValuesFirst() {
        assertThat(Phase1AuthHash.hashI(PrfAlgorithm.HMAC_SHA1, SKEYID, TRANSCRIPT, IDII_B))
                .isEqualTo(ReferenceHmac.sha1(SKEYID, cat(GXI, GXR, CKY_I, CKY_R, SAI_B, IDII_B)));
    }

    @Test
    void hashRSwapsPublicValuesAndCookiesButKeepsTheInitiatorSa() {
        assertThat(Phase1AuthHash.hashR(PrfAlgorithm.HMAC_SHA2_256, SKEYID, TRANSCRIPT, IDIR_B))
                .isEqualTo(ReferenceHmac.sha256(SKEYID, cat(GXR, GXI, CKY_R, CKY_I, SAI_B, IDIR_B)));
    }

    @Test
    void hashIAndHashRDifferEvenForTheSameIdentity() {
        assertThat(Phase1AuthHash.hashI(PrfAlgorithm.HMAC_SHA1, SKEYID, TRANSCRIPT, IDII_B))
                .isNotEqualTo(Phase1AuthHash.hashR(PrfAlgorithm.HMAC_SHA1, SKEYID, TRANSCRIPT, IDII_B));
    }

    @Test
    void matchesAcceptsOnlyTheIdenticalHash() {
        byte[] hash = Phase1AuthHash.hashI(PrfAlgorithm.HMAC_SHA1, SKEYID, TRANSCRIPT, IDII_B);
        byte[] flipped = hash.clone();
        flipped[19] ^= 1;

        assertThat(Phase1AuthHash.matches(hash, hash.clone())).isTrue();
        assertThat(Phase1AuthHash.matches(hash, flipped)).isFalse();
        assertThat(Phase1AuthHash.matches(hash, java.util.Arrays.copyOf(hash, 19))).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package io.portcullis.ike.keymat;

import static io.portcullis.ike.keymat.ReferenceHmac.be32;
import static io.portcullis.ike.keymat.ReferenceHmac.cat;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The protected Informational HASH(1) against a plain second implementation of RFC 2409 §5.7. */
class InformationalHashTest {

    private static final byte[] SKEYID_A = "skeyid_a-for-a-test!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void informationalHashCoversMessageIdAndTheNotifyOrDeletePayload() {
        byte[] delete = {0, 0, 0, 16, 0, 0, 0, 1, 1, 16, 0, 1, 0x11, 0x22, 0x33, 0x44};
        assertThat(InformationalHash.hash1(PrfAlgorithm.HMAC_SHA2_256, SKEYID_A, 7, delete))
                .isEqualTo(ReferenceHmac.sha256(SKEYID_A, cat(be32(7), delete)));
    }
}

package io.portcullis.ike.keymat;

import static io.portcullis.ike.keymat.ReferenceHmac.be32;
import static io.portcullis.ike.keymat.ReferenceHmac.cat;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Quick Mode KEYMAT (RFC 2409 §5.5) against a plain second implementation; how the data plane cuts it
 * into keys is {@code esp.SecurityAssociationSetupTest}'s. The expansion step
 * itself is also checked against NSS vectors in {@link KeyExpansionTest}.
 */
class QuickModeKeymatTest {

    private static final int ESP = 3;
    private static final int OUR_SPI = 0xc0ffee01;
    private static final int PEER_SPI = 0x0badf00d;
    private static final byte[] SKEYID_D = "skeyid_d of the isakmp sa".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NI_B = "initiator quick mode nonce".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NR_B = "responder quick mode nonce".getBytes(StandardCharsets.US_ASCII);

    private static QuickModeKeyInput input(byte[] pfs, int keymatLength) {
        return new QuickModeKeyInput(PrfAlgorithm.HMAC_SHA1, SKEYID_D, pfs, ESP, OUR_SPI, PEER_SPI, NI_B, NR_B, keymatLength);
    }

    /** KEYMAT = K1 | K2 | ..., K1 = prf(SKEYID_d, seed), Kn = prf(SKEYID_d, Kn-1 | seed). */
    private static byte[] referenceKeymat(byte[] pfs, int spi, int length) {
        byte[] seed = cat(pfs == null ? new byte[0] : pfs, new byte[] {ESP}, be32(spi & 0xffffffffL), NI_B, NR_B);
        byte[] k = ReferenceHmac.sha1(SKEYID_D, seed);
        byte[] out = k;
        while (out.length < length) {
            k = ReferenceHmac.sha1(SKEYID_D, k, seed);
            out = cat(out, k);
        }
        return Arrays.copyOf(out, length);
    }

    @Test
    void inboundKeysUseOurSpiAndOutboundKeysThePeersSpi() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, 48)); // AES-128-CBC + HMAC-SHA-256

        assertThat(keys.inbound().spi()).isEqualTo(OUR_SPI);
        assertThat(keys.inbound().keymat()).isEqualTo(referenceKeymat(null, OUR_SPI, 48));
        assertThat(keys.outbound().spi()).isEqualTo(PEER_SPI);
        assertThat(keys.outbound().keymat()).isEqualTo(referenceKeymat(null, PEER_SPI, 48));
    }

    @Test
    void aes256WithSha512NeedsFiveSha1BlocksAndGetsExactLengths() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, 96));

        assertThat(keys.inbound().keymat()).hasSize(96).isEqualTo(referenceKeymat(null, OUR_SPI, 96));
    }

    @Test
    void aesGcmKeyAndSaltComeFromOneSha1Block() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, 20)); // AES-128 key + 4 bytes of salt (RFC 4106 §8.1)

        assertThat(keys.inbound().keymat()).isEqualTo(referenceKeymat(null, OUR_SPI, 20));
    }

    @Test
    void pfsSecretLeadsTheSeedAndChangesTheKeys() {
        byte[] gqmxy = "quick mode g^xy".getBytes(StandardCharsets.US_ASCII);
        ChildSaKeys withPfs = QuickModeKeymat.derive(input(gqmxy, 36));
        ChildSaKeys withoutPfs = QuickModeKeymat.derive(input(null, 36));

        assertThat(withPfs.outbound().keymat())
                .isEqualTo(referenceKeymat(gqmxy, PEER_SPI, 36))
                .isNotEqualTo(withoutPfs.outbound().keymat());
    }

    @Test
    void initiatorAndResponderComputeMirroredSas() {
        ChildSaKeys responder = QuickModeKeymat.derive(input(null, 48));
        ChildSaKeys initiator = QuickModeKeymat.derive(new QuickModeKeyInput(PrfAlgorithm.HMAC_SHA1, SKEYID_D, null,
                ESP, PEER_SPI, OUR_SPI, NI_B, NR_B, 48));

        assertThat(initiator.outbound().keymat()).isEqualTo(responder.inbound().keymat());
        assertThat(initiator.inbound().keymat()).isEqualTo(responder.outbound().keymat());
        assertThat(responder.inbound().keymat()).isNotEqualTo(responder.outbound().keymat());
    }

    @Test
    void destroyWipesBothDirections() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, 36));

        keys.destroy();

        assertThat(keys.inbound().keymat()).containsOnly(0);
        assertThat(keys.outbound().keymat()).containsOnly(0);
        assertThat(keys.inbound().toString()).isEqualTo("DirectionalKeys[spi=c0ffee01]");
    }
}

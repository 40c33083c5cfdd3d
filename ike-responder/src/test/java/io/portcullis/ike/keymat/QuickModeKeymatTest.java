package io.portcullis.ike.keymat;

import static io.portcullis.ike.keymat.ReferenceHmac.be32;
import static io.portcullis.ike.keymat.ReferenceHmac.cat;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Quick Mode KEYMAT (RFC 2409 §5.5) against a plain second implementation. The expansion step
 * itself is also checked against NSS vectors in {@link KeyExpansionTest}.
 */
class QuickModeKeymatTest {

    private static final int ESP = 3;
    private static final int OUR_SPI = 0xc0ffee01;
    private static final int PEER_SPI = 0x0badf00d;
    private static final byte[] SKEYID_D = "skeyid_d of the isakmp sa".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NI_B = "initiator quick mode nonce".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NR_B = "responder quick mode nonce".getBytes(StandardCharsets.US_ASCII);

    private static QuickModeKeyInput input(byte[] pfs, EspKeyLayout layout) {
        return new QuickModeKeyInput(PrfAlgorithm.HMAC_SHA1, SKEYID_D, pfs, ESP, OUR_SPI, PEER_SPI, NI_B, NR_B, layout);
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
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, EspKeyLayout.cbcWithHmac(16, 32)));

        byte[] inbound = referenceKeymat(null, OUR_SPI, 48);
        byte[] outbound = referenceKeymat(null, PEER_SPI, 48);
        assertThat(keys.inbound().spi()).isEqualTo(OUR_SPI);
        assertThat(keys.inbound().encryptionKey()).isEqualTo(Arrays.copyOfRange(inbound, 0, 16));
        assertThat(keys.inbound().integrityKey()).isEqualTo(Arrays.copyOfRange(inbound, 16, 48));
        assertThat(keys.outbound().spi()).isEqualTo(PEER_SPI);
        assertThat(keys.outbound().encryptionKey()).isEqualTo(Arrays.copyOfRange(outbound, 0, 16));
        assertThat(keys.outbound().integrityKey()).isEqualTo(Arrays.copyOfRange(outbound, 16, 48));
        assertThat(keys.inbound().salt()).isEmpty();
    }

    @Test
    void aes256WithSha512NeedsFiveSha1BlocksAndGetsExactLengths() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, EspKeyLayout.cbcWithHmac(32, 64)));

        byte[] inbound = referenceKeymat(null, OUR_SPI, 96);
        assertThat(keys.inbound().encryptionKey()).hasSize(32).isEqualTo(Arrays.copyOfRange(inbound, 0, 32));
        assertThat(keys.inbound().integrityKey()).hasSize(64).isEqualTo(Arrays.copyOfRange(inbound, 32, 96));
    }

    @Test
    void aesGcmSaltFollowsTheKey() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, EspKeyLayout.aesGcm16(16)));

        byte[] inbound = referenceKeymat(null, OUR_SPI, 20);
        assertThat(keys.inbound().encryptionKey()).isEqualTo(Arrays.copyOfRange(inbound, 0, 16));
        assertThat(keys.inbound().salt()).isEqualTo(Arrays.copyOfRange(inbound, 16, 20));
        assertThat(keys.inbound().integrityKey()).isEmpty();
    }

    @Test
    void pfsSecretLeadsTheSeedAndChangesTheKeys() {
        byte[] gqmxy = "quick mode g^xy".getBytes(StandardCharsets.US_ASCII);
        ChildSaKeys withPfs = QuickModeKeymat.derive(input(gqmxy, EspKeyLayout.cbcWithHmac(16, 20)));
        ChildSaKeys withoutPfs = QuickModeKeymat.derive(input(null, EspKeyLayout.cbcWithHmac(16, 20)));

        assertThat(withPfs.outbound().encryptionKey())
                .isEqualTo(Arrays.copyOf(referenceKeymat(gqmxy, PEER_SPI, 36), 16))
                .isNotEqualTo(withoutPfs.outbound().encryptionKey());
    }

    @Test
    void initiatorAndResponderComputeMirroredSas() {
        ChildSaKeys responder = QuickModeKeymat.derive(input(null, EspKeyLayout.cbcWithHmac(16, 32)));
        ChildSaKeys initiator = QuickModeKeymat.derive(new QuickModeKeyInput(PrfAlgorithm.HMAC_SHA1, SKEYID_D, null,
                ESP, PEER_SPI, OUR_SPI, NI_B, NR_B, EspKeyLayout.cbcWithHmac(16, 32)));

        assertThat(initiator.outbound().encryptionKey()).isEqualTo(responder.inbound().encryptionKey());
        assertThat(initiator.inbound().integrityKey()).isEqualTo(responder.outbound().integrityKey());
        assertThat(responder.inbound().encryptionKey()).isNotEqualTo(responder.outbound().encryptionKey());
    }

    @Test
    void destroyWipesBothDirections() {
        ChildSaKeys keys = QuickModeKeymat.derive(input(null, EspKeyLayout.aesGcm16(32)));

        keys.destroy();

        assertThat(keys.inbound().encryptionKey()).containsOnly(0);
        assertThat(keys.outbound().salt()).containsOnly(0);
        assertThat(keys.inbound().toString()).isEqualTo("DirectionalKeys[spi=c0ffee01]");
    }
}

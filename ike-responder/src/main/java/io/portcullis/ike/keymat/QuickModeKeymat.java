package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.Bytes;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.Arrays;

/**
 * IPsec SA keys from Quick Mode (RFC 2409 §5.5):
 * <pre>
 *   KEYMAT = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b), expanded K1 | K2 | ...
 * </pre>
 * computed once per direction. The SPI in each is the one chosen by that SA's receiver, so our
 * inbound SA uses our SPI and our outbound SA the peer's; Ni_b | Nr_b keep the initiator-first
 * order in both.
 */
public final class QuickModeKeymat {

    private QuickModeKeymat() {
    }

    /** One direction's KEYMAT of {@code length} bytes for the SA named by {@code spi}. */
    public static byte[] keymat(PrfAlgorithm prf, byte[] skeyidD, byte[] pfsSharedSecret, int protocolId, int spi,
            byte[] initiatorNonce, byte[] responderNonce, int length) {
        byte[] seed = Bytes.concat(pfsSharedSecret == null ? new byte[0] : pfsSharedSecret,
                new byte[] {(byte) protocolId}, Bytes.uint32(spi), initiatorNonce, responderNonce);
        try {
            return KeyExpansion.keymat(prf, skeyidD, seed, length);
        } finally {
            Bytes.wipe(seed);
        }
    }

    /** Both directions' keys, split per the layout. */
    public static ChildSaKeys derive(QuickModeKeyInput input) {
        byte[] skeyidD = input.skeyidD();
        byte[] pfs = input.pfsSharedSecret();
        try {
            DirectionalKeys inbound = direction(input, skeyidD, pfs, input.inboundSpi());
            DirectionalKeys outbound = direction(input, skeyidD, pfs, input.outboundSpi());
            return new ChildSaKeys(inbound, outbound);
        } finally {
            Bytes.wipe(skeyidD, pfs);
        }
    }

    private static DirectionalKeys direction(QuickModeKeyInput input, byte[] skeyidD, byte[] pfs, int spi) {
        EspKeyLayout layout = input.layout();
        byte[] keymat = keymat(input.prf(), skeyidD, pfs, input.protocolId(), spi, input.initiatorNonce(),
                input.responderNonce(), layout.totalLength());
        int saltStart = layout.encryptionKeyLength();
        int integrityStart = saltStart + layout.saltLength();
        byte[] encryption = Arrays.copyOfRange(keymat, 0, saltStart);
        byte[] salt = Arrays.copyOfRange(keymat, saltStart, integrityStart);
        byte[] integrity = Arrays.copyOfRange(keymat, integrityStart, keymat.length);
        try {
            return new DirectionalKeys(spi, encryption, salt, integrity);
        } finally {
            Bytes.wipe(keymat, encryption, salt, integrity);
        }
    }
}

package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.PrfAlgorithm;

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
        byte[] seed = ByteArrays.concat(pfsSharedSecret == null ? new byte[0] : pfsSharedSecret,
                new byte[] {(byte) protocolId}, ByteArrays.uint32(spi), initiatorNonce, responderNonce);
        try {
            return KeyExpansion.keymat(prf, skeyidD, seed, length);
        } finally {
            ByteArrays.wipe(seed);
        }
    }

    /** Both directions' KEYMAT: inbound under our SPI, outbound under the peer's. */
    public static ChildSaKeys derive(QuickModeKeyInput input) {
        byte[] skeyidD = input.skeyidD();
        byte[] pfs = input.pfsSharedSecret();
        byte[] ni = input.initiatorNonce();
        byte[] nr = input.responderNonce();
        byte[] inbound = null;
        byte[] outbound = null;
        try {
            inbound = keymat(input.prf(), skeyidD, pfs, input.protocolId(), input.inboundSpi(), ni, nr,
                    input.keymatLength());
            outbound = keymat(input.prf(), skeyidD, pfs, input.protocolId(), input.outboundSpi(), ni, nr,
                    input.keymatLength());
            return new ChildSaKeys(new DirectionalKeys(input.inboundSpi(), inbound),
                    new DirectionalKeys(input.outboundSpi(), outbound));
        } finally {
            ByteArrays.wipe(skeyidD, pfs, inbound, outbound);
        }
    }
}

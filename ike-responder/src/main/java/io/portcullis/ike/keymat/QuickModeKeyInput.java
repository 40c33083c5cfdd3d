package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.Objects;

/**
 * What Quick Mode KEYMAT derivation reads (RFC 2409 §5.5).
 *
 * @param prf the phase 1 PRF
 * @param skeyidD SKEYID_d of the ISAKMP SA
 * @param pfsSharedSecret g(qm)^xy when Quick Mode carried KE payloads (PFS), or {@code null}
 * @param protocolId the IPsec DOI protocol: 3 for ESP, 2 for AH (RFC 2407 §4.4.1)
 * @param inboundSpi the SPI we chose; it names the SA the peer sends on
 * @param outboundSpi the SPI the peer chose; it names the SA we send on
 * @param initiatorNonce Ni_b of this Quick Mode
 * @param responderNonce Nr_b of this Quick Mode
 * @param keymatLength KEYMAT bytes per direction, as the negotiated ESP transform consumes them
 */
public record QuickModeKeyInput(
        PrfAlgorithm prf,
        byte[] skeyidD,
        byte[] pfsSharedSecret,
        int protocolId,
        int inboundSpi,
        int outboundSpi,
        byte[] initiatorNonce,
        byte[] responderNonce,
        int keymatLength) {

    public QuickModeKeyInput {
        Objects.requireNonNull(prf, "prf");
        if (keymatLength <= 0) {
            throw new IllegalArgumentException("KEYMAT length must be positive");
        }
        if (protocolId < 0 || protocolId > 255) {
            throw new IllegalArgumentException("protocol ID is one octet");
        }
        skeyidD = skeyidD.clone();
        pfsSharedSecret = pfsSharedSecret == null ? null : pfsSharedSecret.clone();
        initiatorNonce = initiatorNonce.clone();
        responderNonce = responderNonce.clone();
    }

    @Override
    public byte[] skeyidD() {
        return skeyidD.clone();
    }

    @Override
    public byte[] pfsSharedSecret() {
        return pfsSharedSecret == null ? null : pfsSharedSecret.clone();
    }

    @Override
    public byte[] initiatorNonce() {
        return initiatorNonce.clone();
    }

    @Override
    public byte[] responderNonce() {
        return responderNonce.clone();
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "QuickModeKeyInput[" + prf + ", protocol " + protocolId + ", pfs=" + (pfsSharedSecret != null) + "]";
    }
}

package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.Objects;

/**
 * Everything phase 1 key derivation reads (RFC 2409 §5): the negotiated PRF, the authentication
 * class, g^xy, the nonce payload bodies Ni_b / Nr_b and the ISAKMP cookies CKY-I / CKY-R.
 */
public record Phase1KeyInput(
        PrfAlgorithm prf,
        Phase1Authentication authentication,
        byte[] sharedSecret,
        byte[] initiatorNonce,
        byte[] responderNonce,
        byte[] initiatorCookie,
        byte[] responderCookie) {

    private static final int COOKIE_LENGTH = 8;

    public Phase1KeyInput {
        Objects.requireNonNull(prf, "prf");
        Objects.requireNonNull(authentication, "authentication");
        if (initiatorCookie.length != COOKIE_LENGTH || responderCookie.length != COOKIE_LENGTH) {
            throw new IllegalArgumentException("ISAKMP cookies are 8 bytes each (RFC 2408 §3.1)");
        }
        if (initiatorNonce.length == 0 || responderNonce.length == 0 || sharedSecret.length == 0) {
            throw new IllegalArgumentException("nonces and g^xy must not be empty");
        }
        sharedSecret = sharedSecret.clone();
        initiatorNonce = initiatorNonce.clone();
        responderNonce = responderNonce.clone();
        initiatorCookie = initiatorCookie.clone();
        responderCookie = responderCookie.clone();
    }

    @Override
    public byte[] sharedSecret() {
        return sharedSecret.clone();
    }

    @Override
    public byte[] initiatorNonce() {
        return initiatorNonce.clone();
    }

    @Override
    public byte[] responderNonce() {
        return responderNonce.clone();
    }

    @Override
    public byte[] initiatorCookie() {
        return initiatorCookie.clone();
    }

    @Override
    public byte[] responderCookie() {
        return responderCookie.clone();
    }

    /** Overwrites the copy of g^xy held by this input; call once derivation is done. */
    public void wipeSharedSecret() {
        ByteArrays.wipe(sharedSecret);
    }

    /** Never prints g^xy. */
    @Override
    public String toString() {
        return "Phase1KeyInput[" + prf + ", " + authentication + "]";
    }
}

package io.portcullis.ike.keymat;

/**
 * The Main Mode values both HASH_I and HASH_R cover (RFC 2409 §5): the KE payload data g^xi and
 * g^xr, the cookies, and SAi_b, the entire body of the initiator's SA payload (without its
 * generic payload header) as it was received.
 */
public record Phase1Transcript(byte[] gxi, byte[] gxr, byte[] initiatorCookie, byte[] responderCookie,
        byte[] initiatorSaBody) {

    public Phase1Transcript {
        if (initiatorCookie.length != 8 || responderCookie.length != 8) {
            throw new IllegalArgumentException("ISAKMP cookies are 8 bytes each (RFC 2408 §3.1)");
        }
        gxi = gxi.clone();
        gxr = gxr.clone();
        initiatorCookie = initiatorCookie.clone();
        responderCookie = responderCookie.clone();
        initiatorSaBody = initiatorSaBody.clone();
    }

    @Override
    public byte[] gxi() {
        return gxi.clone();
    }

    @Override
    public byte[] gxr() {
        return gxr.clone();
    }

    @Override
    public byte[] initiatorCookie() {
        return initiatorCookie.clone();
    }

    @Override
    public byte[] responderCookie() {
        return responderCookie.clone();
    }

    @Override
    public byte[] initiatorSaBody() {
        return initiatorSaBody.clone();
    }
}

package io.portcullis.ike.keymat;

/**
 * The KEYMAT of an IPsec SA bundle negotiated in Quick Mode: inbound (peer → us, our SPI) and
 * outbound (us → peer, the peer's SPI).
 */
public record ChildSaKeys(DirectionalKeys inbound, DirectionalKeys outbound) {

    public static ChildSaKeys of(int inboundSpi, byte[] inboundKeymat, int outboundSpi, byte[] outboundKeymat) {
        return new ChildSaKeys(new DirectionalKeys(inboundSpi, inboundKeymat),
                new DirectionalKeys(outboundSpi, outboundKeymat));
    }

    /** An independent copy: the holder of this one may {@link #destroy()} it without touching the copy. */
    public ChildSaKeys copy() {
        return of(inbound.spi(), inbound.keymat(), outbound.spi(), outbound.keymat());
    }

    public void destroy() {
        inbound.destroy();
        outbound.destroy();
    }
}

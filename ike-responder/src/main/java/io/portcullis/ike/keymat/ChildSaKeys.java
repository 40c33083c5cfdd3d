package io.portcullis.ike.keymat;

/**
 * The key pair of an IPsec SA bundle negotiated in Quick Mode: inbound (peer → us, our SPI)
 * and outbound (us → peer, the peer's SPI).
 */
public record ChildSaKeys(DirectionalKeys inbound, DirectionalKeys outbound) {

    public void destroy() {
        inbound.destroy();
        outbound.destroy();
    }
}

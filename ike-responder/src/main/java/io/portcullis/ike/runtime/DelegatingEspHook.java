package io.portcullis.ike.runtime;

import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.IkeEvent;
import java.net.InetSocketAddress;

/**
 * Lets the sockets be bound before the data plane exists (its TUN device is only worth creating once IKE
 * can run): forwards to the counting hook until the gateway switches it to the data plane.
 */
final class DelegatingEspHook implements EspHook {
    private volatile EspHook target;

    DelegatingEspHook(EspHook initial) {
        this.target = initial;
    }

    void delegateTo(EspHook hook) {
        this.target = hook;
    }

    @Override
    public void received(byte[] packet, int off, int len, InetSocketAddress source) {
        target.received(packet, off, len, source);
    }

    @Override
    public void installed(ChildSaEstablished sa) {
        target.installed(sa);
    }

    @Override
    public void removed(IkeEvent.ChildSaDeleted sa) {
        target.removed(sa);
    }

    @Override
    public void adopted(IkeEvent.ChildSaAdopted sa) {
        target.adopted(sa);
    }

    @Override
    public Traffic inbound(int inboundSpi) {
        return target.inbound(inboundSpi);
    }
}

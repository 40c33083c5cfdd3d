package io.portcullis.ike.exchange;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.esp.SecurityAssociation;
import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.keymat.ChildSaKeys;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Quick Mode completed: everything an adapter needs to install the inbound and outbound ESP SAs.
 * Key material never reaches {@link #toString()}.
 *
 * @param keys the SPIs and KEYMAT of both directions (inbound: the SPI we chose, the peer sends on it); a
 *     copy of its own, so the exchange may wipe its keys once it built this event
 * @param local the gateway-side selector
 * @param remote the peer-side selector
 * @param route where the ESP goes
 */
public record ChildSaEstablished(IkeSaId ikeSa, ChildSaKeys keys, EspTransform transform, TrafficSelector local,
        TrafficSelector remote, LifetimeLimits lifetime, EspRoute route) implements IkeEvent {

    public ChildSaEstablished {
        keys = keys.copy();
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(route, "route");
    }

    /** A copy: the event's own keys stay intact for every adapter that reads them. */
    @Override
    public ChildSaKeys keys() {
        return keys.copy();
    }

    /** The SPI we chose: the peer sends on it. */
    public int inboundSpi() {
        return keys.inbound().spi();
    }

    /** The SPI the peer chose: we send on it. */
    public int outboundSpi() {
        return keys.outbound().spi();
    }

    public boolean udpEncapsulated() {
        return route.udpEncapsulated();
    }

    public InetSocketAddress peerAddress() {
        return route.peer();
    }

    /** The builder of the SA the peer sends on (we decrypt); add the clock and build. */
    public SecurityAssociation.Builder inboundSa() {
        return SecurityAssociation.inbound(inboundSpi()).transform(transform).keymat(keys.inbound().keymat())
                .selectors(local, remote).lifetime(lifetime);
    }

    /** The builder of the SA we send on; add the clock and random source and build. */
    public SecurityAssociation.Builder outboundSa() {
        return SecurityAssociation.outbound(outboundSpi()).transform(transform).keymat(keys.outbound().keymat())
                .selectors(local, remote).lifetime(lifetime);
    }

    @Override
    public String toString() {
        return String.format("ChildSaEstablished[%s in=%08x out=%08x %s %s<->%s %s%s]", ikeSa, inboundSpi(),
                outboundSpi(), transform, local, remote, lifetime, udpEncapsulated() ? " udp-encap" : "");
    }
}

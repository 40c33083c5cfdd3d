package io.portcullis.ike.exchange;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.esp.SecurityAssociation;
import io.portcullis.ike.esp.TrafficSelector;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Quick Mode completed: everything an adapter needs to install the inbound and outbound ESP SAs.
 * Key material never reaches {@link #toString()}.
 *
 * @param inboundSpi the SPI we chose: the peer sends on it
 * @param outboundSpi the SPI the peer chose: we send on it
 * @param local the gateway-side selector (IDcr)
 * @param remote the peer-side selector (IDci)
 * @param udpEncapsulated ESP travels in UDP (RFC 3948), to {@code peerAddress}
 */
public record ChildSaEstablished(IkeSaId ikeSa, int inboundSpi, int outboundSpi, EspTransform transform,
        byte[] inboundKeymat, byte[] outboundKeymat, TrafficSelector local, TrafficSelector remote,
        LifetimeLimits lifetime, boolean udpEncapsulated, InetSocketAddress peerAddress) implements IkeEvent {

    public ChildSaEstablished {
        Objects.requireNonNull(transform, "transform");
        inboundKeymat = inboundKeymat.clone();
        outboundKeymat = outboundKeymat.clone();
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    @Override
    public byte[] inboundKeymat() {
        return inboundKeymat.clone();
    }

    @Override
    public byte[] outboundKeymat() {
        return outboundKeymat.clone();
    }

    /** The builder of the SA the peer sends on (we decrypt); add the clock and build. */
    public SecurityAssociation.Builder inboundSa() {
        return SecurityAssociation.inbound(inboundSpi).transform(transform).keymat(inboundKeymat)
                .selectors(local, remote).lifetime(lifetime);
    }

    /** The builder of the SA we send on; add the clock and random source and build. */
    public SecurityAssociation.Builder outboundSa() {
        return SecurityAssociation.outbound(outboundSpi).transform(transform).keymat(outboundKeymat)
                .selectors(local, remote).lifetime(lifetime);
    }

    @Override
    public String toString() {
        return String.format("ChildSaEstablished[%s in=%08x out=%08x %s %s<->%s %s%s]", ikeSa, inboundSpi,
                outboundSpi, transform, local, remote, lifetime, udpEncapsulated ? " udp-encap" : "");
    }
}

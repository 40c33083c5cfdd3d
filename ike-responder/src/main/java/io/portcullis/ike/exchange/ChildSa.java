package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.isakmp.EncapsulationMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An established IPsec SA pair as the IKE SA remembers it (no keys: those went to the data plane), with
 * what a rekey must propose again: transform, encapsulation mode, PFS group, lifetimes and selectors.
 *
 * @param local the gateway-side selector
 * @param remote the peer-side selector
 * @param pfsGroup the Quick Mode DH group, when the pair was negotiated with PFS
 * @param lifetime the hard limits it ends at and the (jittered) soft limits it is rekeyed at
 */
public record ChildSa(int inboundSpi, int outboundSpi, EspTransform transform, TrafficSelector local,
        TrafficSelector remote, EncapsulationMode mode, Optional<DhGroup> pfsGroup, LifetimeLimits lifetime,
        Instant established) {

    public ChildSa {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pfsGroup, "pfsGroup");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(established, "established");
    }

    public boolean udpEncapsulated() {
        return mode.isUdpEncapsulated();
    }

    /** When the hard time limit ends the pair; {@link #established()} itself when it has none. */
    public Instant expires() {
        return established.plus(lifetime.hardTime());
    }

    /** Whether a hard time limit exists and has been reached at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !lifetime.hardTime().isZero() && !expires().isAfter(now);
    }

    /** When the gateway rekeys the pair unless the peer did first; empty without a soft time limit. */
    public Optional<Instant> rekeyAt() {
        return lifetime.softTime().isZero() ? Optional.empty() : Optional.of(established.plus(lifetime.softTime()));
    }

    /** Whether both carry the same traffic (a rekey replaces a pair by one with the same selectors). */
    public boolean sameSelectors(ChildSa other) {
        return local.equals(other.local) && remote.equals(other.remote);
    }

    @Override
    public String toString() {
        return String.format("ChildSa[in=%08x out=%08x %s %s<->%s]", inboundSpi, outboundSpi, transform, local, remote);
    }
}

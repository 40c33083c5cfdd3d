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
 * The IPsec SA pair a Quick Mode we start asks for (one entry of a connection: our selector, the peer's, the
 * ESP transform, encapsulation mode, PFS group and lifetimes).
 *
 * @param local our selector (IDci: we are the Quick Mode initiator)
 * @param remote the peer's selector (IDcr)
 */
public record ChildRequest(EspTransform transform, TrafficSelector local, TrafficSelector remote, EncapsulationMode mode,
        Optional<DhGroup> pfsGroup, LifetimeLimits lifetime) {

    public ChildRequest {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pfsGroup, "pfsGroup");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * The request in the shape a rekey proposes from: a pair without SPIs yet. The Quick Mode initiator builds
     * message 1 and checks message 2 against it exactly as it does for a pair it replaces (SPI 0 is reserved,
     * RFC 4303 §2.1, so it never names a real pair).
     */
    ChildSa template(Instant now) {
        return new ChildSa(0, 0, transform, local, remote, mode, pfsGroup, lifetime, now);
    }
}

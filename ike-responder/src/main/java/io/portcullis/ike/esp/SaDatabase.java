package io.portcullis.ike.esp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SA database of the data plane (RFC 4301 §4.4.2): inbound SAs by SPI, outbound SAs by traffic
 * selector. Lookups are lock-free; installs and removals are rare (IKE Quick Mode, DELETE, expiry).
 * Also holds drop counters for all SAs together, including drops before an SA is known.
 */
public final class SaDatabase {
    private final ConcurrentHashMap<Integer, SecurityAssociation> inbound = new ConcurrentHashMap<>();
    /** Copy-on-write, oldest first; readers take the current array without locking or allocating. */
    private volatile SecurityAssociation[] outbound = new SecurityAssociation[0];
    private final LongAdder[] drops = new LongAdder[DropReason.values().length];

    /** A threshold crossed by an SA, found by {@link #pollLifetimes()}. */
    public record LifetimeNotice(SecurityAssociation sa, LifetimeEvent event) {
    }

    public SaDatabase() {
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
    }

    /** Installs an SA. An inbound SPI must be unique (RFC 4301 §4.1: the SPI selects the SA). */
    public void install(SecurityAssociation sa) {
        if (sa.direction() == SecurityAssociation.Direction.INBOUND) {
            if (inbound.putIfAbsent(sa.spi(), sa) != null) {
                throw new IllegalArgumentException(String.format("inbound SPI %08x already installed", sa.spi()));
            }
        } else {
            synchronized (this) {
                SecurityAssociation[] grown = Arrays.copyOf(outbound, outbound.length + 1);
                grown[grown.length - 1] = sa;
                outbound = grown;
            }
        }
    }

    /** Removes an SA (IKE DELETE, expiry); true if it was installed. */
    public boolean remove(SecurityAssociation sa) {
        if (sa.direction() == SecurityAssociation.Direction.INBOUND) {
            return inbound.remove(sa.spi(), sa);
        }
        synchronized (this) {
            SecurityAssociation[] now = outbound;
            SecurityAssociation[] kept = Arrays.stream(now).filter(s -> s != sa).toArray(SecurityAssociation[]::new);
            outbound = kept;
            return kept.length != now.length;
        }
    }

    public Optional<SecurityAssociation> inbound(int spi) {
        return Optional.ofNullable(inbound.get(spi));
    }

    /** Hot-path lookup without an Optional. */
    SecurityAssociation inboundOrNull(int spi) {
        return inbound.get(spi);
    }

    /**
     * The outbound SA for an inner packet: the most recently installed one whose selectors cover it and
     * which is neither expired nor out of sequence numbers — after a rekey the new SA takes over while
     * the old one is still installed (RFC 4301 §4.4.2 leaves the choice among overlapping SAs local).
     */
    public Optional<SecurityAssociation> outboundFor(InnerPacket packet) {
        SecurityAssociation found = outboundOrNull(packet);
        return Optional.ofNullable(found);
    }

    SecurityAssociation outboundOrNull(InnerPacket packet) {
        SecurityAssociation fallback = null;
        SecurityAssociation[] sas = outbound;
        for (int i = sas.length - 1; i >= 0; i--) {
            SecurityAssociation sa = sas[i];
            if (!sa.covers(packet)) {
                continue;
            }
            if (!sa.lifetime().isExpired() && !sa.isSequenceExhausted()) {
                return sa;
            }
            if (fallback == null) {
                fallback = sa; // lets the encoder report EXPIRED / SEQUENCE_EXHAUSTED instead of NO_OUTBOUND_SA
            }
        }
        return fallback;
    }

    public List<SecurityAssociation> outboundSas() {
        return List.of(outbound);
    }

    public List<SecurityAssociation> inboundSas() {
        return List.copyOf(inbound.values());
    }

    /** Checks every SA's lifetime against the clock; for a periodic timer, so idle SAs also expire. */
    public List<LifetimeNotice> pollLifetimes() {
        List<LifetimeNotice> notices = new ArrayList<>();
        for (SecurityAssociation sa : inbound.values()) {
            poll(sa, notices);
        }
        for (SecurityAssociation sa : outbound) {
            poll(sa, notices);
        }
        return notices;
    }

    private static void poll(SecurityAssociation sa, List<LifetimeNotice> notices) {
        LifetimeEvent event = sa.lifetime().poll();
        if (event != LifetimeEvent.NONE) {
            notices.add(new LifetimeNotice(sa, event));
        }
    }

    public long drops(DropReason reason) {
        return drops[reason.ordinal()].sum();
    }

    void countDrop(DropReason reason) {
        drops[reason.ordinal()].increment();
    }
}

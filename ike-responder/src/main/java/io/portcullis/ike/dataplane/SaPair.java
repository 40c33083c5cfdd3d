package io.portcullis.ike.dataplane;

import io.portcullis.ike.esp.SecurityAssociation;
import io.portcullis.ike.exchange.IkeSaId;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One installed IPsec SA pair of the data plane: its two SAs, where its ESP goes and which IKE SA it belongs to.
 * Those two change while the pair carries traffic (the peer's NAT mapping moves, the peer re-authenticates), so
 * they are volatile fields read by the packet threads rather than a map entry to be replaced.
 */
final class SaPair {
    private final SecurityAssociation inbound;
    private final SecurityAssociation outbound;
    private volatile InetSocketAddress peer;
    private volatile IkeSaId ikeSa;
    /** Lifetime thresholds already reported (1 soft, 2 hard): once per pair, not per SA. */
    private final AtomicInteger reported = new AtomicInteger();
    /** Inbound packets at the last activity report (dead peer detection). */
    private final AtomicLong seen = new AtomicLong();

    SaPair(SecurityAssociation inbound, SecurityAssociation outbound, InetSocketAddress peer, IkeSaId ikeSa) {
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.ikeSa = Objects.requireNonNull(ikeSa, "ikeSa");
    }

    SecurityAssociation inbound() {
        return inbound;
    }

    SecurityAssociation outbound() {
        return outbound;
    }

    InetSocketAddress peer() {
        return peer;
    }

    IkeSaId ikeSa() {
        return ikeSa;
    }

    void moveTo(InetSocketAddress to) {
        this.peer = Objects.requireNonNull(to, "to");
    }

    void belongTo(IkeSaId newer) {
        this.ikeSa = Objects.requireNonNull(newer, "newer");
    }

    /** True for the first report of {@code level} (1 soft, 2 hard) on this pair. */
    boolean firstReport(int level) {
        while (true) {
            int before = reported.get();
            if (before >= level) {
                return false;
            }
            if (reported.compareAndSet(before, level)) {
                return true;
            }
        }
    }

    /** Whether inbound packets arrived since the last call. */
    boolean activeSinceLastAsked() {
        long packets = inbound.lifetime().packets();
        return seen.getAndSet(packets) != packets;
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.keymat.IkeMessageCrypto;
import io.portcullis.ike.keymat.IvChains;
import io.portcullis.ike.keymat.Phase1Keys;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An established ISAKMP SA: its keys and IV chains, the authenticated peer, its IPsec SAs, and
 * the Quick Mode exchanges in progress under it. Not thread-safe: the facade serialises access.
 */
public final class IkeSa {

    /** Quick Modes a peer may have open at once; more are refused (it chooses the M-IDs). */
    static final int MAX_PENDING_QUICK_MODES = 8;
    /** IV chains kept per SA (Quick Mode and Informational M-IDs). */
    static final int MAX_IV_CHAINS = 32;

    private final IkeSaId id;
    private final Phase1Keying keying;
    private final AuthenticatedPeer peer;
    private final PeerCapabilities capabilities;
    private final boolean peerBehindNat;
    private final Instant established;
    private InetSocketAddress local;
    private InetSocketAddress peerAddress;
    private final List<ChildSa> children = new ArrayList<>();
    private final ExchangeTable exchanges = new ExchangeTable();
    private final ChildRekeys rekeys = new ChildRekeys(exchanges);
    private final DeadPeerProbe dpd;
    /** The peer's own R-U-THERE sequence numbers (it probes us). */
    private Optional<Integer> lastDpdSequence = Optional.empty();
    /** Last authenticated message or ESP packet from the peer (dead peer detection). */
    private Instant lastHeard;

    /**
     * @param capabilities what the peer announced in Phase 1 (NAT-T, fragmentation, DPD)
     * @param path where the peer and we were when Phase 1 ended; {@link #peerMoved} follows it later
     */
    IkeSa(IkeSaId id, Phase1Keying keying, AuthenticatedPeer peer, PeerCapabilities capabilities, PeerPath path,
            Instant established, DeadPeerProbe dpd) {
        this.id = Objects.requireNonNull(id, "id");
        this.keying = Objects.requireNonNull(keying, "keying");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.peerAddress = path.peer();
        this.local = path.local();
        this.peerBehindNat = path.peerBehindNat();
        this.established = Objects.requireNonNull(established, "established");
        this.lastHeard = established;
        this.dpd = Objects.requireNonNull(dpd, "dpd");
    }

    public IkeSaId id() {
        return id;
    }

    public Phase1Selection selection() {
        return keying.selection();
    }

    public AuthenticatedPeer peer() {
        return peer;
    }

    public InetSocketAddress peerAddress() {
        return peerAddress;
    }

    public InetSocketAddress localAddress() {
        return local;
    }

    public boolean natTraversal() {
        return capabilities.natTraversal();
    }

    public boolean peerBehindNat() {
        return peerBehindNat;
    }

    public boolean peerFragmentation() {
        return capabilities.fragmentation();
    }

    public Instant established() {
        return established;
    }

    public Instant expires() {
        return established.plus(keying.selection().lifetime());
    }

    public List<ChildSa> children() {
        return List.copyOf(children);
    }

    Phase1Keys keys() {
        return keying.keys();
    }

    IkeMessageCrypto crypto() {
        return keying.crypto();
    }

    IvChains ivs() {
        return keying.ivs();
    }

    /**
     * RFC 3947 §4: after NAT-T, the peer may move (port 500 → 4500, or a new NAT mapping). Our
     * end moves with it: what we send on our own (DELETE, DPD answers after a restart of the
     * cache) must leave from the port the peer now talks to, behind the non-ESP marker on 4500.
     */
    void peerMoved(InetSocketAddress newPeer, InetSocketAddress newLocal) {
        this.peerAddress = newPeer;
        this.local = newLocal;
    }

    /** A new pair; older pairs with the same selectors are replaced by it and are not to be rekeyed. */
    void addChild(ChildSa child) {
        for (ChildSa older : children) {
            if (older.sameSelectors(child)) {
                rekeys.superseded(older);
            }
        }
        children.add(child);
    }

    Optional<ChildSa> removeChildBySpi(int spi) {
        for (ChildSa child : children) {
            if (child.outboundSpi() == spi || child.inboundSpi() == spi) {
                children.remove(child);
                rekeys.forget(child);
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    List<ChildSa> removeAllChildren() {
        List<ChildSa> all = List.copyOf(children);
        children.clear();
        all.forEach(rekeys::forget);
        return all;
    }

    /** A pair leaving for another IKE SA of the same peer, with its rekey state (see {@link ChildRekeys#handOver}). */
    record HandedOver(ChildSa child, Optional<ChildRekeys.Settled> settled) {
    }

    /** Gives every pair away to a newer IKE SA of the peer (re-authentication); this SA keeps none. */
    List<HandedOver> handOverChildren() {
        List<HandedOver> all = new ArrayList<>();
        for (ChildSa child : children) {
            all.add(new HandedOver(child, rekeys.handOver(child)));
        }
        children.clear();
        return all;
    }

    /** Takes a pair over from an older IKE SA of the same peer. */
    void takeOver(HandedOver handed) {
        children.add(handed.child());
        rekeys.takeOver(handed.child(), handed.settled());
    }

    /** The Quick Modes in progress under this SA, both roles, by message ID. */
    ExchangeTable exchanges() {
        return exchanges;
    }

    ChildRekeys rekeys() {
        return rekeys;
    }

    DeadPeerProbe dpd() {
        return dpd;
    }

    /** A message ID for an exchange we start under this SA: see {@link ExchangeTable#newMessageId}. */
    int freshMessageId(ExchangeContext ctx) {
        return exchanges.newMessageId(ctx);
    }

    /** Whether the peer is negotiating a pair with these selectors right now (its rekey came first). */
    boolean peerNegotiating(ChildSa child) {
        return exchanges.allResponding().stream().anyMatch(q -> q.negotiating(child.local(), child.remote()));
    }

    /** Every exchange in progress under this SA gives back what it holds (the SA is going). */
    void abandonExchanges() {
        exchanges.abandonAll();
    }

    /** RFC 3706 §7: accept the peer's sequence number only if it moves forward (modulo 2^32 ordering). */
    boolean acceptDpdSequence(int sequence) {
        if (lastDpdSequence.isPresent() && sequence - lastDpdSequence.get() <= 0) {
            return false;
        }
        lastDpdSequence = Optional.of(sequence);
        return true;
    }

    /** The peer proved it is alive: an authenticated IKE message or ESP on one of its SAs. */
    void heard(Instant when) {
        if (when.isAfter(lastHeard)) {
            lastHeard = when;
        }
        dpd.heard(when);
    }

    Instant lastHeard() {
        return lastHeard;
    }

    /** Whether the peer probes us (RFC 3706): it has sent an R-U-THERE on this SA. */
    boolean usesDpd() {
        return lastDpdSequence.isPresent();
    }

    /** Wipes the ISAKMP SA keys; the SA is unusable afterwards. */
    void destroy() {
        keying.destroy();
    }

    @Override
    public String toString() {
        return "IkeSa[" + id + " " + peer.displayName() + "@" + peerAddress + " " + keying.selection() + "]";
    }
}

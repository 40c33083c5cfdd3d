package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The IKEv1 engine facade, for both roles: one entry for every received ISAKMP datagram, and for
 * everything the gateway starts itself (rekeys, DPD, deletes, expiry). Every IKE SA lives
 * in one of several {@link IkeShard}s, chosen by its initiator cookie (the one value every
 * message of an IKE SA carries from message 1 on, fragments included), so datagrams of different
 * IKE SAs are processed in parallel while those of one IKE SA are serialized. The limits on
 * half-open and established SAs hold for the whole engine ({@link AdmissionBudget}), and an
 * INITIAL-CONTACT reaches every shard.
 *
 * <p>With deferred authentication the peer check of Main Mode message 5 (PKIX, live revocation:
 * network I/O) is not run inside {@link #process}: the output carries a
 * {@link PendingAuthentication} for the caller to run through {@link #authenticate} on a worker
 * and hand back to {@link #resume}.
 *
 * <p>What is never answered (RFC 2408 §5.2 and common practice against reflection): unknown
 * cookies, malformed datagrams, messages out of order, and floods beyond the limits.
 */
public final class IkeEngine {

    private final ExchangeContext ctx;
    private final IkeShard[] shards;
    private final IkeStats stats = new IkeStats();

    /** One shard, peer checks inline: the deterministic engine of the protocol tests. */
    public IkeEngine(ExchangeContext ctx, IkeLimits limits) {
        this(ctx, limits, 1, false);
    }

    /**
     * @param shards how many IKE SA partitions may be processed in parallel (the gateway uses one
     *     per processor)
     * @param deferAuthentication hand Main Mode peer checks out instead of running them in {@link #process}
     */
    public IkeEngine(ExchangeContext ctx, IkeLimits limits, int shards, boolean deferAuthentication) {
        if (shards < 1 || shards > 256) {
            throw new IllegalArgumentException("shards must be 1..256, not " + shards);
        }
        this.ctx = ctx;
        AdmissionBudget budget = new AdmissionBudget(limits);
        int cacheEntries = Math.max(1, limits.retransmissionEntries() / shards);
        this.shards = new IkeShard[shards];
        for (int i = 0; i < shards; i++) {
            this.shards[i] = new IkeShard(ctx, limits, budget, stats, cacheEntries, deferAuthentication);
        }
    }

    public IkeStats stats() {
        return stats;
    }

    public int shards() {
        return shards.length;
    }

    /**
     * The shard a datagram belongs to (0 for anything too short to carry an initiator cookie):
     * callers that process in parallel keep one thread per shard, so one IKE SA's messages stay
     * in order.
     */
    public int shardOf(byte[] isakmp) {
        if (shards.length == 1 || isakmp.length < 8) {
            return 0;
        }
        long cookie = 0;
        for (int i = 0; i < 8; i++) {
            cookie = (cookie << 8) | (isakmp[i] & 0xFF);
        }
        return shardOf(cookie);
    }

    public int shardOf(PendingAuthentication pending) {
        return shardOf(pending.exchange().initiatorCookie());
    }

    private int shardOf(long initiatorCookie) {
        long mixed = initiatorCookie * 0x9E3779B97F4A7C15L; // cookies are random, but cheap insurance against patterns
        return (int) Long.remainderUnsigned(mixed >>> 16, shards.length);
    }

    public IkeOutput process(Datagram in) {
        int index = shardOf(in.data());
        return acrossShards(index, shards[index].process(in));
    }

    /**
     * Starts a Main Mode with a peer (and then the Quick Mode of {@link Initiation#child}): the output carries
     * message 1 to send; the peer's replies come back through {@link #process} and are routed by our initiator
     * cookie until its message 2 names the responder cookie. Empty output when too many Main Modes we started
     * are half-open.
     */
    public IkeOutput initiate(Initiation initiation) {
        InitiatedMainMode exchange = new InitiatedMainMode(ctx, initiation, RetransmissionTimer.Schedule.STRONGSWAN);
        return shards[shardOf(exchange.initiatorCookie())].initiate(exchange);
    }

    /** Runs the peer check of a deferred message 5 (blocking: PKIX, OCSP, CRL); call it off the receive path. */
    public AuthDecision authenticate(PendingAuthentication pending) {
        return ctx.authenticator().authenticate(pending.certificates(), pending.peerId(), pending.at());
    }

    /** Message 6 or the notify for a deferred message 5; nothing when the Main Mode timed out meanwhile. */
    public IkeOutput resume(PendingAuthentication pending, AuthDecision decision) {
        int index = shardOf(pending);
        return acrossShards(index, shards[index].resume(pending, decision));
    }

    /** Drops a deferred Main Mode whose peer check could not be scheduled (overload). */
    public IkeOutput abandon(PendingAuthentication pending) {
        return shards[shardOf(pending)].abandon(pending);
    }

    /**
     * What a shard's output means for the others: an INITIAL-CONTACT drops the peer's older SAs in every shard; a
     * new IKE SA of a known identity without one is a re-authentication (strongSwan's IKEv1 reauth moves its
     * IPsec SAs to the new ISAKMP SA and then deletes the old one), so the new SA adopts the IPsec SA pairs of the
     * peer's older IKE SAs, in whichever shard they live, before the old ISAKMP SA's DELETE can take them along.
     */
    private IkeOutput acrossShards(int origin, IkeOutput output) {
        List<IkeEvent> more = null;
        java.util.Set<IkeSaId> contacted = new java.util.HashSet<>();
        for (IkeEvent event : output.events()) {
            if (event instanceof IkeEvent.InitialContact contact) {
                contacted.add(contact.ikeSa());
                for (int i = 0; i < shards.length; i++) {
                    if (i != origin) {
                        more = appended(more, output, shards[i].initialContact(contact));
                    }
                }
            }
        }
        for (IkeEvent event : output.events()) {
            if (event instanceof IkeEvent.IkeSaEstablished established && !contacted.contains(established.ikeSa())) {
                more = appended(more, output, adoptChildren(origin, established));
            }
        }
        return more == null ? output : new IkeOutput(output.datagrams(), more, output.pending());
    }

    private List<IkeEvent> adoptChildren(int origin, IkeEvent.IkeSaEstablished established) {
        List<Reauthentication.Transfer> transfers = new ArrayList<>();
        for (IkeShard shard : shards) {
            transfers.addAll(shard.handOverChildren(established.ikeSa(), established.peer().identity()));
        }
        return transfers.isEmpty() ? List.of() : shards[origin].takeOver(established.ikeSa(), transfers);
    }

    private static List<IkeEvent> appended(List<IkeEvent> more, IkeOutput output, List<IkeEvent> events) {
        if (events.isEmpty()) {
            return more;
        }
        List<IkeEvent> all = more == null ? new ArrayList<>(output.events()) : more;
        all.addAll(events);
        return all;
    }

    /**
     * Tears down every IKE SA whose peer matches (e.g. the holder of a revoked certificate):
     * DELETE for its IPsec SAs and for the ISAKMP SA, then the state is gone.
     */
    public IkeOutput deletePeer(Predicate<AuthenticatedPeer> which) {
        List<IkeOutput> outputs = new ArrayList<>();
        for (IkeShard shard : shards) {
            outputs.add(shard.deletePeer(which));
        }
        return merged(outputs);
    }

    /**
     * Tears down one IKE SA by its cookies (the operator's "delete this tunnel"): DELETE for its
     * IPsec SAs and for the ISAKMP SA. Empty output when no such SA is established.
     */
    public IkeOutput deleteSa(IkeSaId id) {
        return shards[shardOf(id.initiatorCookie())].deleteSa(id);
    }

    /**
     * Drops timed-out half-open exchanges, deletes IPsec SA pairs whose hard time lifetime ran out and
     * IKE SAs whose lifetime ran out, each with DELETE notifies.
     */
    public IkeOutput expire() {
        List<IkeOutput> outputs = new ArrayList<>();
        for (IkeShard shard : shards) {
            outputs.add(shard.expire());
        }
        return merged(outputs);
    }

    /** ESP arrived on an IPsec SA of these IKE SAs (the data plane's report): their peers are alive. */
    public void heardFrom(Collection<IkeSaId> ids) {
        Instant now = ctx.clock().instant();
        for (IkeSaId id : ids) {
            shards[shardOf(id.initiatorCookie())].heardFrom(id, now);
        }
    }

    /**
     * The peer's NAT mapping moved (the data plane saw authenticated, newest ESP from {@code to}): what the gateway
     * sends under this IKE SA (DELETE, R-U-THERE, its rekeys) goes there too.
     */
    public void peerMovedTo(IkeSaId id, java.net.InetSocketAddress to) {
        shards[shardOf(id.initiatorCookie())].peerMovedTo(id, to);
    }

    /**
     * Dead peer detection (RFC 3706, see {@link DpdPolicy}): sends the R-U-THEREs that are due to idle peers that
     * announced DPD, and declares dead a peer whose R-U-THERE went unanswered for the timeout (or, passively, a
     * peer that probes us and fell silent): its IKE and IPsec SAs are deleted, with DELETE notifies in case it
     * comes back. Peers that neither announced nor run DPD are left to their lifetimes: their silence proves nothing.
     */
    public IkeOutput detectDeadPeers(DpdPolicy policy) {
        List<IkeOutput> outputs = new ArrayList<>();
        for (IkeShard shard : shards) {
            outputs.add(shard.detectDeadPeers(policy));
        }
        return merged(outputs);
    }

    /**
     * Gateway-initiated rekeying: a Quick Mode for every IPsec SA pair whose (jittered) soft time limit has
     * passed, unless the peer replaced it first or is doing so right now; and the retransmissions (or the giving
     * up) of the rekeys in progress. The old pair keeps working meanwhile and is deleted at its hard lifetime.
     */
    public IkeOutput rekeyDue() {
        List<IkeOutput> outputs = new ArrayList<>();
        for (IkeShard shard : shards) {
            outputs.add(shard.rekeyDue());
        }
        return merged(outputs);
    }

    /**
     * The Main Modes we started: our last message of each sent again when its time has come (strongSwan's schedule:
     * 4 s, then each wait ×1.8, five retransmissions), or, after the last, the half-open SA dropped and its key
     * material wiped ({@link IkeEvent.InitiationFailed}).
     */
    public IkeOutput retransmitDue() {
        List<IkeOutput> outputs = new ArrayList<>();
        for (IkeShard shard : shards) {
            outputs.add(shard.retransmitDue());
        }
        return merged(outputs);
    }

    /** How many Main Modes we started are still half-open. */
    public int initiatingCount() {
        int sum = 0;
        for (IkeShard shard : shards) {
            sum += shard.initiatingCount();
        }
        return sum;
    }

    /**
     * Rekeys one pair now, by the inbound SPI we chose (the data plane reports its soft kilobyte limit); nothing
     * when the pair is gone, replaced, or already being rekeyed.
     */
    public IkeOutput rekeyChildSa(int inboundSpi) {
        for (IkeShard shard : shards) {
            IkeOutput output = shard.rekeyChildSa(inboundSpi);
            if (!output.datagrams().isEmpty() || !output.events().isEmpty()) {
                return output;
            }
        }
        return IkeOutput.NOTHING;
    }

    /**
     * Deletes one IPsec SA pair by the inbound SPI we chose (its hard lifetime ran out) with a DELETE
     * notify to the peer; the ISAKMP SA stays. Empty output when no IKE SA holds that pair any more.
     */
    public IkeOutput deleteChildSa(int inboundSpi, IkeEvent.Cause cause) {
        for (IkeShard shard : shards) {
            IkeOutput output = shard.deleteChildSa(inboundSpi, cause);
            if (!output.datagrams().isEmpty() || !output.events().isEmpty()) {
                return output;
            }
        }
        return IkeOutput.NOTHING;
    }

    /** The peers of the established IKE SAs (for periodic revocation re-checks). */
    public List<AuthenticatedPeer> connectedPeers() {
        List<AuthenticatedPeer> all = new ArrayList<>();
        for (IkeShard shard : shards) {
            all.addAll(shard.connectedPeers());
        }
        return all;
    }

    public List<IkeSaView> ikeSas() {
        List<IkeSaView> all = new ArrayList<>();
        for (IkeShard shard : shards) {
            all.addAll(shard.ikeSas());
        }
        return all;
    }

    public int halfOpenCount() {
        int sum = 0;
        for (IkeShard shard : shards) {
            sum += shard.halfOpenCount();
        }
        return sum;
    }

    private static IkeOutput merged(List<IkeOutput> outputs) {
        List<Datagram> datagrams = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeOutput output : outputs) {
            datagrams.addAll(output.datagrams());
            events.addAll(output.events());
        }
        return new IkeOutput(datagrams, events);
    }
}

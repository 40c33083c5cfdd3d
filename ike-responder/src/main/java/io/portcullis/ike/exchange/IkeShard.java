package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.isakmp.FragmentReassembler;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * One shard of the IKE SAs ({@link IkeEngine} routes every IKE SA to one shard by its initiator cookie):
 * its part of the IKE SA table and of the retransmission cache, and the lock that serialises everything
 * done to them. The work is done by one object per job: {@link MessageRouter} (the receive path),
 * {@link SaMaintenance} (deletes, lifetimes, DPD, rekeys we start), {@link Reauthentication}
 * (INITIAL-CONTACT, hand-over of pairs) and {@link SaTeardown} (the one way an IKE SA goes). Synchronized:
 * one shard's state is touched by one thread at a time, shards in parallel.
 */
final class IkeShard {

    private final IkeSaTable table;
    private final MessageRouter router;
    private final SaMaintenance maintenance;
    private final Reauthentication reauthentication;
    private final IkeStats stats;

    /** @param cacheEntries this shard's share of the retransmission cache */
    IkeShard(ExchangeContext ctx, IkeLimits limits, AdmissionBudget budget, IkeStats stats,
            int cacheEntries, boolean deferAuthentication) {
        this.table = new IkeSaTable(limits, budget);
        this.stats = stats;
        RetransmissionCache cache = new RetransmissionCache(cacheEntries);
        SaTeardown teardown = new SaTeardown(ctx, table, cache);
        this.reauthentication = new Reauthentication(ctx, table, teardown);
        this.maintenance = new SaMaintenance(ctx, table, teardown);
        this.router = new MessageRouter(ctx, table, cache, new FragmentReassembler(ctx.clock(), limits.reassembly()),
                teardown, reauthentication, stats, deferAuthentication);
    }

    synchronized IkeOutput process(Datagram in) {
        return router.process(in);
    }

    /** Message 1 of a Main Mode we start, to the peer; nothing when too many of ours are half-open. */
    synchronized IkeOutput initiate(InitiatedMainMode exchange) {
        if (!table.addInitiated(exchange)) {
            exchange.destroy();
            stats.count(Drop.HALF_OPEN_LIMIT);
            return IkeOutput.NOTHING;
        }
        Initiation initiation = exchange.initiation();
        return new IkeOutput(exchange.lastSent().stream()
                .map(bytes -> new Datagram(bytes, initiation.local(), initiation.peer())).toList(), List.of());
    }

    /** Message 6 (or the notify) for a deferred message 5, once its peer check decided. */
    synchronized IkeOutput resume(PendingAuthentication pending, AuthDecision decision) {
        return router.resume(pending, decision);
    }

    /** Gives up a deferred message 5 the workers could not take: the Main Mode is dropped. */
    synchronized IkeOutput abandon(PendingAuthentication pending) {
        return router.abandon(pending);
    }

    /** INITIAL-CONTACT received by another shard: drops this shard's older SAs of that peer. */
    synchronized List<IkeEvent> initialContact(IkeEvent.InitialContact contact) {
        return reauthentication.initialContact(contact);
    }

    /** See {@link Reauthentication#handOverChildren}. */
    synchronized List<Reauthentication.Transfer> handOverChildren(IkeSaId newer, IdentificationPayload identity) {
        return reauthentication.handOverChildren(newer, identity);
    }

    /** See {@link Reauthentication#takeOver}. */
    synchronized List<IkeEvent> takeOver(IkeSaId newer, List<Reauthentication.Transfer> transfers) {
        return reauthentication.takeOver(newer, transfers);
    }

    synchronized IkeOutput deletePeer(Predicate<AuthenticatedPeer> which) {
        return maintenance.deletePeer(which);
    }

    synchronized IkeOutput deleteSa(IkeSaId id) {
        return maintenance.deleteSa(id);
    }

    synchronized IkeOutput deleteChildSa(int inboundSpi, IkeEvent.Cause cause) {
        return maintenance.deleteChildSa(inboundSpi, cause);
    }

    synchronized IkeOutput expire() {
        return maintenance.expire();
    }

    synchronized IkeOutput detectDeadPeers(DpdPolicy policy) {
        return maintenance.detectDeadPeers(policy);
    }

    synchronized IkeOutput rekeyDue() {
        return maintenance.rekeyDue();
    }

    synchronized IkeOutput rekeyChildSa(int inboundSpi) {
        return maintenance.rekeyChildSa(inboundSpi);
    }

    /** ESP arrived on an IPsec SA of this IKE SA (the data plane's report): its peer is alive. */
    synchronized void heardFrom(IkeSaId id, Instant now) {
        table.established(id).ifPresent(sa -> sa.heard(now));
    }

    /** See {@link IkeEngine#peerMovedTo}; the local end stays (ESP and IKE share the NAT-T port). */
    synchronized void peerMovedTo(IkeSaId id, InetSocketAddress to) {
        table.established(id).ifPresent(sa -> sa.peerMoved(to, sa.localAddress()));
    }

    synchronized List<AuthenticatedPeer> connectedPeers() {
        return table.allEstablished().stream().map(IkeSa::peer).toList();
    }

    synchronized List<IkeSaView> ikeSas() {
        return table.allEstablished().stream().map(IkeSaView::of).toList();
    }

    synchronized IkeOutput retransmitDue() {
        return maintenance.retransmitInitiated();
    }

    synchronized int initiatingCount() {
        return table.allInitiated().size();
    }

    synchronized int halfOpenCount() {
        return table.halfOpenCount();
    }
}

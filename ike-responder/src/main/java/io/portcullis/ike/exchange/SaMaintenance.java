package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What happens to the established SAs of one shard without a message from the peer: deletes asked for by the
 * operator or by revocation, lifetimes running out, dead peer detection, and the rekeys the gateway starts.
 * Not thread-safe: the shard's lock.
 */
final class SaMaintenance {

    private final ExchangeContext ctx;
    private final IkeSaTable table;
    private final SaTeardown teardown;

    SaMaintenance(ExchangeContext ctx, IkeSaTable table, SaTeardown teardown) {
        this.ctx = ctx;
        this.table = table;
        this.teardown = teardown;
    }

    /**
     * Tears down every IKE SA whose peer matches (e.g. the holder of a revoked certificate):
     * DELETE for its IPsec SAs and for the ISAKMP SA, then the state is gone.
     */
    IkeOutput deletePeer(Predicate<AuthenticatedPeer> which) {
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            if (which.test(sa.peer())) {
                out.addAll(teardown.withDeletes(sa, IkeEvent.Cause.LOCAL_DELETE, events));
            }
        }
        return new IkeOutput(out, events);
    }

    /**
     * Tears down one IKE SA by its cookies (the operator's "delete this tunnel"): DELETE for its
     * IPsec SAs and for the ISAKMP SA. Empty output when no such SA is established.
     */
    IkeOutput deleteSa(IkeSaId id) {
        Optional<IkeSa> sa = table.established(id);
        if (sa.isEmpty()) {
            return IkeOutput.NOTHING;
        }
        List<IkeEvent> events = new ArrayList<>();
        return new IkeOutput(teardown.withDeletes(sa.get(), IkeEvent.Cause.LOCAL_DELETE, events), events);
    }

    /**
     * Drops timed-out half-open exchanges, deletes IPsec SA pairs whose hard time lifetime ran out (the
     * peer did not rekey in time) and IKE SAs whose lifetime ran out, each with DELETE notifies.
     */
    IkeOutput expire() {
        Instant now = ctx.clock().instant();
        table.expireHalfOpen(now);
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (child.expiredAt(now)) {
                    sa.removeChildBySpi(child.inboundSpi());
                    out.add(new Datagram(Deletes.childSa(ctx, sa, child, events, IkeEvent.Cause.EXPIRED),
                            sa.localAddress(), sa.peerAddress()));
                }
            }
            if (!sa.expires().isAfter(now)) {
                out.addAll(teardown.withDeletes(sa, IkeEvent.Cause.EXPIRED, events));
            }
        }
        return new IkeOutput(out, events);
    }

    /** See {@link IkeEngine#detectDeadPeers}. */
    IkeOutput detectDeadPeers(DpdPolicy policy) {
        Instant now = ctx.clock().instant();
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            boolean probed = policy.active() && sa.dpd().peerAnnounced();
            boolean dead = probed ? sa.dpd().deadAt(now, policy.timeout())
                    : sa.usesDpd() && !sa.lastHeard().plus(policy.timeout()).isAfter(now);
            if (dead) {
                out.addAll(teardown.withDeletes(sa, IkeEvent.Cause.DEAD_PEER, events));
            } else if (probed) {
                sa.dpd().due(now, sa.lastHeard(), policy.delay()).ifPresent(sequence -> out.add(new Datagram(
                        ProtectedMessages.informational(sa, sa.freshMessageId(ctx), NotificationPayload.deadPeerDetection(
                                NotifyType.R_U_THERE, sa.id().initiatorCookie(), sa.id().responderCookie(), sequence)),
                        sa.localAddress(), sa.peerAddress())));
            }
        }
        return new IkeOutput(out, events);
    }

    /** See {@link IkeEngine#retransmitDue}: our stored Main Mode messages again, or the give-ups. */
    IkeOutput retransmitInitiated() {
        Instant now = ctx.clock().instant();
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (InitiatedMainMode exchange : table.allInitiated()) {
            Optional<ExchangeResult> due = exchange.onTimer(now);
            if (due.isEmpty()) {
                continue;
            }
            MainMode mainMode = exchange.mainMode();
            due.get().replies().forEach(r -> out.add(new Datagram(r, mainMode.localAddress(), mainMode.peerAddress())));
            events.addAll(due.get().events());
            if (due.get().status() == ExchangeResult.Status.FAILED) {
                table.removeInitiated(exchange.initiatorCookie());
            }
        }
        return new IkeOutput(out, events);
    }

    /**
     * See {@link IkeEngine#rekeyDue}: starts a rekey of every pair past its soft time limit that is neither
     * replaced already nor being negotiated by the peer, and resends or gives up the rekeys in progress.
     */
    IkeOutput rekeyDue() {
        Instant now = ctx.clock().instant();
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (child.rekeyAt().filter(at -> !at.isAfter(now)).isPresent()) {
                    startRekey(sa, child, out, events);
                }
            }
            for (Map.Entry<QuickModeRekeyInitiator, ExchangeResult> due : sa.rekeys().timers(now)) {
                ExchangeResult result = due.getValue();
                result.replies().forEach(r -> out.add(new Datagram(r, sa.localAddress(), sa.peerAddress())));
                events.addAll(result.events());
                if (result.status() == ExchangeResult.Status.FAILED) {
                    sa.rekeys().finished(due.getKey());
                }
            }
        }
        return new IkeOutput(out, events);
    }

    /** See {@link IkeEngine#rekeyChildSa}; empty when no IKE SA of this shard holds the pair or it is settled. */
    IkeOutput rekeyChildSa(int inboundSpi) {
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (child.inboundSpi() == inboundSpi) {
                    startRekey(sa, child, out, events);
                }
            }
        }
        return new IkeOutput(out, events);
    }

    private void startRekey(IkeSa sa, ChildSa child, List<Datagram> out, List<IkeEvent> events) {
        if (!sa.rekeys().eligible(child) || child.expiredAt(ctx.clock().instant()) || sa.peerNegotiating(child)) {
            return;
        }
        QuickModeRekeyInitiator rekey = new QuickModeRekeyInitiator(ctx, sa, child, sa.freshMessageId(ctx),
                RetransmissionTimer.Schedule.DEFAULT);
        sa.rekeys().started(rekey);
        out.add(new Datagram(rekey.message1(), sa.localAddress(), sa.peerAddress()));
        events.add(new IkeEvent.RekeyStarted(sa.id(), child.inboundSpi(), rekey.ourSpi()));
    }

    /** See {@link IkeEngine#deleteChildSa}; empty output when no IKE SA of this shard holds the pair. */
    IkeOutput deleteChildSa(int inboundSpi, IkeEvent.Cause cause) {
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (child.inboundSpi() == inboundSpi) {
                    sa.removeChildBySpi(inboundSpi);
                    List<IkeEvent> events = new ArrayList<>();
                    byte[] delete = Deletes.childSa(ctx, sa, child, events, cause);
                    return new IkeOutput(List.of(new Datagram(delete, sa.localAddress(), sa.peerAddress())), events);
                }
            }
        }
        return IkeOutput.NOTHING;
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.FragmentPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.FragmentReassembler;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.PayloadType;
import io.portcullis.ike.isakmp.ReassemblyResult;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One shard of the responder ({@link IkeResponder} routes every IKE SA to one shard by its
 * initiator cookie): it reassembles fragments, answers retransmissions from the cache, routes by
 * cookies and message ID to the Main Mode, Quick Mode and Informational handlers, enforces the
 * half-open limits (through the shared {@link AdmissionBudget}), and keeps its part of the IKE SA
 * table. Synchronized: one shard's state is touched by one thread at a time, shards in parallel.
 *
 * <p>What is never answered (RFC 2408 §5.2 and common practice against reflection): unknown
 * cookies, malformed datagrams, messages out of order, and floods beyond the limits.
 */
final class ResponderShard {

    private final ResponderContext ctx;
    private final IkeSaTable table;
    private final RetransmissionCache cache;
    private final FragmentReassembler reassembler;
    private final InformationalResponder informational;
    private final ResponderStats stats;
    private final boolean deferAuthentication;

    /** @param cacheEntries this shard's share of the retransmission cache */
    ResponderShard(ResponderContext ctx, ResponderLimits limits, AdmissionBudget budget, ResponderStats stats,
            int cacheEntries, boolean deferAuthentication) {
        this.ctx = ctx;
        this.table = new IkeSaTable(limits, budget);
        this.cache = new RetransmissionCache(cacheEntries);
        this.reassembler = new FragmentReassembler(ctx.clock(), limits.reassembly());
        this.informational = new InformationalResponder(ctx);
        this.stats = stats;
        this.deferAuthentication = deferAuthentication;
    }

    synchronized ResponderOutput process(Datagram in) {
        table.expireHalfOpen(ctx.clock().instant());
        byte[] bytes = in.data();
        IsakmpHeader header;
        try {
            header = ctx.decoder().decodeHeader(bytes);
            if (!header.isEncrypted() && (bytes[16] & 0xFF) == PayloadType.FRAGMENT.value()) {
                Optional<byte[]> whole = reassemble(header, bytes, in.source());
                if (whole.isEmpty()) {
                    return ResponderOutput.NOTHING;
                }
                bytes = whole.get();
                header = ctx.decoder().decodeHeader(bytes);
            }
        } catch (IsakmpDecodeException e) {
            return drop(Drop.MALFORMED);
        }
        Optional<List<byte[]>> cached = cache.lookup(in.source(), bytes);
        if (cached.isPresent()) {
            stats.retransmission();
            return new ResponderOutput(cached.get().stream().map(in::reply).toList(), List.of());
        }
        return conclude(in, bytes, route(header, bytes, in));
    }

    /** Message 6 (or the notify) for a deferred message 5, once its peer check decided. */
    synchronized ResponderOutput resume(PendingAuthentication pending, AuthDecision decision) {
        Optional<MainMode> exchange = table.halfOpen(pending.exchange());
        if (exchange.isEmpty()) {
            return drop(Drop.UNKNOWN_COOKIES); // timed out (half-open limit) while the check ran
        }
        ExchangeResult result = exchange.get().resume(decision);
        settleMainMode(pending.exchange(), exchange.get(), result);
        Datagram request = pending.request();
        return conclude(request, request.data(), new Routed(pending.exchange(), result));
    }

    /** Gives up a deferred message 5 the workers could not take: the Main Mode is dropped. */
    synchronized ResponderOutput abandon(PendingAuthentication pending) {
        stats.count(Drop.AUTHENTICATION_OVERLOAD);
        table.removeHalfOpen(pending.exchange());
        return ResponderOutput.NOTHING;
    }

    private ResponderOutput conclude(Datagram in, byte[] bytes, Routed routed) {
        ExchangeResult result = routed.result();
        result.drop().ifPresent(stats::count);
        if (!result.replies().isEmpty() && result.status() != ExchangeResult.Status.DROPPED) {
            cache.store(in.source(), bytes, routed.owner(), result.replies());
        }
        List<IkeEvent> events = new ArrayList<>(result.events());
        List<Datagram> out = new ArrayList<>(result.replies().stream().map(in::reply).toList());
        for (IkeEvent event : result.events()) {
            if (event instanceof IkeEvent.InitialContact contact) {
                dropOlderSas(contact, events);
            } else if (event instanceof IkeEvent.IkeSaDeleted deleted) {
                table.established(deleted.ikeSa()).ifPresent(IkeSa::destroy);
                table.removeEstablished(deleted.ikeSa());
                cache.forget(deleted.ikeSa());
            }
        }
        return new ResponderOutput(out, events, result.pending().stream().toList());
    }

    private record Routed(IkeSaId owner, ExchangeResult result) {
    }

    private Routed route(IsakmpHeader header, byte[] bytes, Datagram in) {
        IkeSaId id = new IkeSaId(header.initiatorCookie(), header.responderCookie());
        ExchangeType type = header.exchangeType();
        try {
            if (type.equals(ExchangeType.IDENTITY_PROTECTION)) {
                return mainMode(id, header, bytes, in);
            }
            Optional<IkeSa> sa = table.established(id);
            if (sa.isEmpty()) {
                return new Routed(id, ExchangeResult.dropped(Drop.UNKNOWN_COOKIES, "no IKE SA " + id));
            }
            if (!header.isEncrypted() || header.messageId() == 0) {
                return new Routed(id, ExchangeResult.dropped(Drop.UNEXPECTED, "unprotected message under " + id));
            }
            if (type.equals(ExchangeType.INFORMATIONAL)) {
                return new Routed(id, heard(sa.get(), floated(sa.get(), in,
                        informational.process(sa.get(), ctx.decoder().decodeEncrypted(bytes)))));
            }
            if (type.equals(ExchangeType.QUICK_MODE)) {
                return new Routed(id, heard(sa.get(), floated(sa.get(), in, quickMode(sa.get(), header, bytes))));
            }
            return new Routed(id, ExchangeResult.dropped(Drop.UNSUPPORTED_EXCHANGE, "exchange " + type));
        } catch (IsakmpDecodeException e) {
            return new Routed(id, ExchangeResult.dropped(Drop.MALFORMED, e.getMessage()));
        }
    }

    private Routed mainMode(IkeSaId id, IsakmpHeader header, byte[] bytes, Datagram in) {
        if (header.responderCookie() == 0) {
            if (table.hasHalfOpenFrom(header.initiatorCookie(), in.source())) {
                return new Routed(id, ExchangeResult.dropped(Drop.UNEXPECTED, "second, different message 1"));
            }
            if (!table.reserve(in.source())) {
                return new Routed(id, ExchangeResult.dropped(Drop.HALF_OPEN_LIMIT, "half-open limit reached"));
            }
            MainMode exchange = MainMode.responder(ctx, header.initiatorCookie(), in.source(), in.destination(),
                    deferAuthentication);
            ExchangeResult result = exchange.process(header, bytes, in.source(), in.destination());
            if (result.status() == ExchangeResult.Status.CONTINUE) {
                table.addHalfOpen(exchange, in.source());
            } else {
                table.releaseReservation(in.source());
            }
            return new Routed(exchange.id(), result);
        }
        Optional<MainMode> exchange = table.halfOpen(id);
        if (exchange.isEmpty()) {
            Drop reason = table.established(id).isPresent() ? Drop.UNEXPECTED : Drop.UNKNOWN_COOKIES;
            return new Routed(id, ExchangeResult.dropped(reason, "no Main Mode in progress for " + id));
        }
        ExchangeResult result = exchange.get().process(header, bytes, in.source(), in.destination());
        settleMainMode(id, exchange.get(), result);
        return new Routed(id, result);
    }

    private void settleMainMode(IkeSaId id, MainMode exchange, ExchangeResult result) {
        if (result.status() == ExchangeResult.Status.FAILED) {
            table.removeHalfOpen(id);
        } else if (result.status() == ExchangeResult.Status.COMPLETE) {
            table.removeHalfOpen(id);
            table.addEstablished(exchange.established().orElseThrow());
        }
    }

    private ExchangeResult quickMode(IkeSa sa, IsakmpHeader header, byte[] bytes) throws IsakmpDecodeException {
        Optional<QuickModeRekeyInitiator> ours = sa.rekeys().forMessageId(header.messageId());
        if (ours.isPresent()) {
            ExchangeResult result = ours.get().process(ctx.decoder().decodeEncrypted(bytes));
            if (result.status() == ExchangeResult.Status.COMPLETE || result.status() == ExchangeResult.Status.FAILED) {
                sa.rekeys().finished(ours.get());
            }
            return result;
        }
        QuickModeResponder exchange = sa.quickModes().get(header.messageId());
        if (exchange == null) {
            if (sa.quickModes().size() >= IkeSa.MAX_PENDING_QUICK_MODES) {
                return ExchangeResult.dropped(Drop.HALF_OPEN_LIMIT, "too many Quick Modes in progress");
            }
            exchange = new QuickModeResponder(ctx, sa, header.messageId());
        }
        ExchangeResult result = exchange.process(ctx.decoder().decodeEncrypted(bytes));
        switch (result.status()) {
            case CONTINUE -> sa.quickModes().put(header.messageId(), exchange);
            case COMPLETE, FAILED -> sa.quickModes().remove(header.messageId());
            case DROPPED -> {
                if (exchange.state() == QuickModeResponder.State.AWAITING_PROPOSAL) {
                    sa.ivs().forget(header.messageId()); // nothing was started under this M-ID
                }
            }
            case PENDING -> throw new IllegalStateException("Quick Mode defers nothing");
        }
        return result;
    }

    /** RFC 3947 §4: an authenticated message from a new address moves the SA there. */
    private static ExchangeResult floated(IkeSa sa, Datagram in, ExchangeResult result) {
        if (result.status() != ExchangeResult.Status.DROPPED
                && (!in.source().equals(sa.peerAddress()) || !in.destination().equals(sa.localAddress()))) {
            sa.peerMoved(in.source(), in.destination());
        }
        return result;
    }

    private Optional<byte[]> reassemble(IsakmpHeader header, byte[] bytes, InetSocketAddress source)
            throws IsakmpDecodeException {
        IkeSaId id = new IkeSaId(header.initiatorCookie(), header.responderCookie());
        if (table.halfOpen(id).isEmpty()) {
            stats.count(Drop.UNKNOWN_COOKIES); // only a Main Mode in progress may send fragments
            return Optional.empty();
        }
        IsakmpMessage message = ctx.decoder().decode(bytes);
        FragmentPayload fragment = message.first(FragmentPayload.class).orElseThrow();
        ReassemblyResult result = reassembler.offer(source, header.initiatorCookie(), fragment);
        if (result instanceof ReassemblyResult.Complete complete) {
            return Optional.of(complete.message().toByteArray());
        }
        stats.count(Drop.FRAGMENT);
        return Optional.empty();
    }

    /** INITIAL-CONTACT received by another shard: drops this shard's older SAs of that peer. */
    synchronized List<IkeEvent> initialContact(IkeEvent.InitialContact contact) {
        List<IkeEvent> events = new ArrayList<>();
        dropOlderSas(contact, events);
        return events;
    }

    private void dropOlderSas(IkeEvent.InitialContact contact, List<IkeEvent> events) {
        for (IkeSa older : table.allEstablished()) {
            if (!older.id().equals(contact.ikeSa()) && older.peer().identity().equals(contact.identity())) {
                for (ChildSa child : older.removeAllChildren()) {
                    ctx.spis().release(child.inboundSpi());
                    events.add(new IkeEvent.ChildSaDeleted(older.id(), child.inboundSpi(), child.outboundSpi(),
                            IkeEvent.Cause.INITIAL_CONTACT));
                }
                events.add(new IkeEvent.IkeSaDeleted(older.id(), IkeEvent.Cause.INITIAL_CONTACT));
                remove(older);
            }
        }
    }

    /** A pair on its way from an older IKE SA of a peer to the one its re-authentication established. */
    record Transfer(IkeSaId from, IkeSa.HandedOver handed) {
    }

    /**
     * Re-authentication, first half: every older IKE SA of this identity in this shard gives its IPsec SA pairs
     * away (they stay installed; RFC 2409 does not tie IPsec SAs to the ISAKMP SA that negotiated them). The
     * older ISAKMP SAs stay until the peer deletes them or they expire, then go without taking any pair along.
     */
    synchronized List<Transfer> handOverChildren(IkeSaId newer, IdentificationPayload identity) {
        List<Transfer> transfers = new ArrayList<>();
        for (IkeSa older : table.allEstablished()) {
            if (!older.id().equals(newer) && older.peer().identity().equals(identity)) {
                older.handOverChildren().forEach(h -> transfers.add(new Transfer(older.id(), h)));
            }
        }
        return transfers;
    }

    /**
     * Re-authentication, second half: the new IKE SA takes the pairs over. Should it be gone meanwhile (a DELETE
     * or INITIAL-CONTACT processed in between), the pairs go too: no ISAKMP SA is left to announce them with.
     */
    synchronized List<IkeEvent> takeOver(IkeSaId newer, List<Transfer> transfers) {
        List<IkeEvent> events = new ArrayList<>();
        Optional<IkeSa> sa = table.established(newer);
        for (Transfer transfer : transfers) {
            ChildSa child = transfer.handed().child();
            if (sa.isPresent()) {
                sa.get().takeOver(transfer.handed());
                events.add(new IkeEvent.ChildSaAdopted(newer, transfer.from(), child.inboundSpi(), child.outboundSpi(),
                        sa.get().peerAddress()));
            } else {
                ctx.spis().release(child.inboundSpi());
                events.add(new IkeEvent.ChildSaDeleted(transfer.from(), child.inboundSpi(), child.outboundSpi(),
                        IkeEvent.Cause.LOCAL_DELETE));
            }
        }
        return events;
    }

    /**
     * Tears down every IKE SA whose peer matches (e.g. the holder of a revoked certificate):
     * DELETE for its IPsec SAs and for the ISAKMP SA, then the state is gone.
     */
    synchronized ResponderOutput deletePeer(Predicate<AuthenticatedPeer> which) {
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            if (which.test(sa.peer())) {
                InetSocketAddress to = sa.peerAddress();
                InetSocketAddress from = sa.localAddress();
                Deletes.tearDown(ctx, sa, events, IkeEvent.Cause.LOCAL_DELETE)
                        .forEach(d -> out.add(new Datagram(d, from, to)));
                table.removeEstablished(sa.id());
                cache.forget(sa.id());
            }
        }
        return new ResponderOutput(out, events);
    }

    /**
     * Tears down one IKE SA by its cookies (the operator's "delete this tunnel"): DELETE for its
     * IPsec SAs and for the ISAKMP SA. Empty output when no such SA is established.
     */
    synchronized ResponderOutput deleteSa(IkeSaId id) {
        Optional<IkeSa> sa = table.established(id);
        if (sa.isEmpty()) {
            return ResponderOutput.NOTHING;
        }
        List<IkeEvent> events = new ArrayList<>();
        InetSocketAddress to = sa.get().peerAddress();
        InetSocketAddress from = sa.get().localAddress();
        List<Datagram> out = Deletes.tearDown(ctx, sa.get(), events, IkeEvent.Cause.LOCAL_DELETE).stream()
                .map(d -> new Datagram(d, from, to)).toList();
        table.removeEstablished(id);
        cache.forget(id);
        return new ResponderOutput(out, events);
    }

    /**
     * Drops timed-out half-open exchanges, deletes IPsec SA pairs whose hard time lifetime ran out (the
     * peer did not rekey in time) and IKE SAs whose lifetime ran out, each with DELETE notifies.
     */
    synchronized ResponderOutput expire() {
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
                InetSocketAddress to = sa.peerAddress();
                InetSocketAddress from = sa.localAddress();
                Deletes.tearDown(ctx, sa, events, IkeEvent.Cause.EXPIRED).forEach(d -> out.add(new Datagram(d, from, to)));
                table.removeEstablished(sa.id());
                cache.forget(sa.id());
            }
        }
        return new ResponderOutput(out, events);
    }

    /**
     * A message that decrypted and whose hash verified proves the peer alive, even when it changed nothing
     * (an R-U-THERE-ACK, a repeated DELETE).
     */
    private ExchangeResult heard(IkeSa sa, ExchangeResult result) {
        if (result.status() != ExchangeResult.Status.DROPPED || result.drop().filter(Drop.NOTHING_TO_DO::equals).isPresent()) {
            sa.heard(ctx.clock().instant());
        }
        return result;
    }

    /** ESP arrived on an IPsec SA of this IKE SA (the data plane's report): its peer is alive. */
    synchronized void heardFrom(IkeSaId id, Instant now) {
        table.established(id).ifPresent(sa -> sa.heard(now));
    }

    /** See {@link IkeResponder#peerMovedTo}; the local end stays (ESP and IKE share the NAT-T port). */
    synchronized void peerMovedTo(IkeSaId id, InetSocketAddress to) {
        table.established(id).ifPresent(sa -> sa.peerMoved(to, sa.localAddress()));
    }

    /** See {@link IkeResponder#detectDeadPeers}. */
    synchronized ResponderOutput detectDeadPeers(DpdPolicy policy) {
        Instant now = ctx.clock().instant();
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            boolean probed = policy.active() && sa.dpd().peerAnnounced();
            boolean dead = probed ? sa.dpd().deadAt(now, policy.timeout())
                    : sa.usesDpd() && !sa.lastHeard().plus(policy.timeout()).isAfter(now);
            if (dead) {
                InetSocketAddress to = sa.peerAddress();
                InetSocketAddress from = sa.localAddress();
                Deletes.tearDown(ctx, sa, events, IkeEvent.Cause.DEAD_PEER).forEach(d -> out.add(new Datagram(d, from, to)));
                table.removeEstablished(sa.id());
                cache.forget(sa.id());
            } else if (probed) {
                sa.dpd().due(now, sa.lastHeard(), policy.delay()).ifPresent(sequence -> out.add(new Datagram(
                        ProtectedMessages.informational(sa, sa.freshMessageId(ctx), NotificationPayload.deadPeerDetection(
                                NotifyType.R_U_THERE, sa.id().initiatorCookie(), sa.id().responderCookie(), sequence)),
                        sa.localAddress(), sa.peerAddress())));
            }
        }
        return new ResponderOutput(out, events);
    }

    /**
     * See {@link IkeResponder#rekeyDue}: starts a rekey of every pair past its soft time limit that is neither
     * replaced already nor being negotiated by the peer, and resends or gives up the rekeys in progress.
     */
    synchronized ResponderOutput rekeyDue() {
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
        return new ResponderOutput(out, events);
    }

    /** See {@link IkeResponder#rekeyChildSa}; empty when no IKE SA of this shard holds the pair or it is settled. */
    synchronized ResponderOutput rekeyChildSa(int inboundSpi) {
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (child.inboundSpi() == inboundSpi) {
                    startRekey(sa, child, out, events);
                }
            }
        }
        return new ResponderOutput(out, events);
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

    /** See {@link IkeResponder#deleteChildSa}; empty output when no IKE SA of this shard holds the pair. */
    synchronized ResponderOutput deleteChildSa(int inboundSpi, IkeEvent.Cause cause) {
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (child.inboundSpi() == inboundSpi) {
                    sa.removeChildBySpi(inboundSpi);
                    List<IkeEvent> events = new ArrayList<>();
                    byte[] delete = Deletes.childSa(ctx, sa, child, events, cause);
                    return new ResponderOutput(List.of(new Datagram(delete, sa.localAddress(), sa.peerAddress())), events);
                }
            }
        }
        return ResponderOutput.NOTHING;
    }

    synchronized List<AuthenticatedPeer> connectedPeers() {
        return table.allEstablished().stream().map(IkeSa::peer).toList();
    }

    private void remove(IkeSa sa) {
        sa.abandonExchanges();
        sa.destroy();
        table.removeEstablished(sa.id());
        cache.forget(sa.id());
    }

    synchronized List<IkeSaView> ikeSas() {
        return table.allEstablished().stream().map(IkeSaView::of).toList();
    }

    synchronized int halfOpenCount() {
        return table.halfOpenCount();
    }

    private ResponderOutput drop(Drop reason) {
        stats.count(reason);
        return ResponderOutput.NOTHING;
    }
}

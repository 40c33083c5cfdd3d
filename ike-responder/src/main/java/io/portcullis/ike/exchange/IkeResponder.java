package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.FragmentPayload;
import io.portcullis.ike.isakmp.FragmentReassembler;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.PayloadType;
import io.portcullis.ike.isakmp.ReassemblyResult;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The IKEv1 responder facade: one entry for every received ISAKMP datagram. It reassembles
 * fragments, answers retransmissions from the cache, routes by cookies and message ID to the
 * Main Mode, Quick Mode and Informational handlers, enforces the half-open limits, and keeps
 * the IKE SA table. Synchronized: the UDP adapters on ports 500 and 4500 may share it.
 *
 * <p>What is never answered (RFC 2408 §5.2 and common practice against reflection): unknown
 * cookies, malformed datagrams, messages out of order, and floods beyond the limits.
 */
public final class IkeResponder {

    private final ResponderContext ctx;
    private final IkeSaTable table;
    private final RetransmissionCache cache;
    private final FragmentReassembler reassembler;
    private final InformationalResponder informational;
    private final ResponderStats stats = new ResponderStats();

    public IkeResponder(ResponderContext ctx, ResponderLimits limits) {
        this.ctx = ctx;
        this.table = new IkeSaTable(limits);
        this.cache = new RetransmissionCache(limits.retransmissionEntries());
        this.reassembler = new FragmentReassembler(ctx.clock(), limits.reassembly());
        this.informational = new InformationalResponder(ctx);
    }

    public ResponderStats stats() {
        return stats;
    }

    public synchronized ResponderOutput process(Datagram in) {
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
        Routed routed = route(header, bytes, in);
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
        return new ResponderOutput(out, events);
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
            if (!table.admits(in.source()) || !table.admitsEstablished()) {
                return new Routed(id, ExchangeResult.dropped(Drop.HALF_OPEN_LIMIT, "half-open limit reached"));
            }
            MainModeResponder exchange = new MainModeResponder(ctx, header.initiatorCookie(), in.source(), in.destination());
            ExchangeResult result = exchange.process(header, bytes, in.source(), in.destination());
            if (result.status() == ExchangeResult.Status.CONTINUE) {
                table.addHalfOpen(exchange, in.source());
            }
            return new Routed(exchange.id(), result);
        }
        Optional<MainModeResponder> exchange = table.halfOpen(id);
        if (exchange.isEmpty()) {
            Drop reason = table.established(id).isPresent() ? Drop.UNEXPECTED : Drop.UNKNOWN_COOKIES;
            return new Routed(id, ExchangeResult.dropped(reason, "no Main Mode in progress for " + id));
        }
        ExchangeResult result = exchange.get().process(header, bytes, in.source(), in.destination());
        if (result.status() == ExchangeResult.Status.FAILED) {
            table.removeHalfOpen(id);
        } else if (result.status() == ExchangeResult.Status.COMPLETE) {
            table.removeHalfOpen(id);
            table.addEstablished(exchange.get().established().orElseThrow());
        }
        return new Routed(id, result);
    }

    private ExchangeResult quickMode(IkeSa sa, IsakmpHeader header, byte[] bytes) throws IsakmpDecodeException {
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
        }
        return result;
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

    /** ESP arrived on an IPsec SA of these IKE SAs (the data plane's report): their peers are alive. */
    public synchronized void heardFrom(java.util.Collection<IkeSaId> ids) {
        Instant now = ctx.clock().instant();
        for (IkeSaId id : ids) {
            table.established(id).ifPresent(sa -> sa.heard(now));
        }
    }

    /**
     * Passive dead peer detection (RFC 3706 §5.5 leaves the policy local): a peer that runs DPD (it has sent
     * R-U-THERE) and has been silent for {@code timeout} — no IKE message, no ESP — is declared dead; its IKE
     * and IPsec SAs are deleted (DELETE notifies are sent in case it comes back). Peers without DPD are left
     * to their lifetimes, since their silence proves nothing.
     */
    public synchronized ResponderOutput expireDeadPeers(java.time.Duration timeout) {
        Instant now = ctx.clock().instant();
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            if (sa.usesDpd() && !sa.lastHeard().plus(timeout).isAfter(now)) {
                InetSocketAddress to = sa.peerAddress();
                InetSocketAddress from = sa.localAddress();
                Deletes.tearDown(ctx, sa, events, IkeEvent.Cause.DEAD_PEER).forEach(d -> out.add(new Datagram(d, from, to)));
                table.removeEstablished(sa.id());
                cache.forget(sa.id());
            }
        }
        return new ResponderOutput(out, events);
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

    /**
     * Tears down every IKE SA whose peer matches (e.g. the holder of a revoked certificate):
     * DELETE for its IPsec SAs and for the ISAKMP SA, then the state is gone.
     */
    public synchronized ResponderOutput deletePeer(Predicate<AuthenticatedPeer> which) {
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
    public synchronized ResponderOutput deleteSa(IkeSaId id) {
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
     * Deletes one IPsec SA pair by the inbound SPI we chose (its hard lifetime ran out) with a DELETE
     * notify to the peer; the ISAKMP SA stays. Empty output when no IKE SA holds that pair any more.
     */
    public synchronized ResponderOutput deleteChildSa(int inboundSpi, IkeEvent.Cause cause) {
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

    /** The peers of the established IKE SAs (for periodic revocation re-checks). */
    public synchronized List<AuthenticatedPeer> connectedPeers() {
        return table.allEstablished().stream().map(IkeSa::peer).toList();
    }

    /**
     * Drops timed-out half-open exchanges, deletes IPsec SA pairs whose hard time lifetime ran out (the
     * peer did not rekey in time) and IKE SAs whose lifetime ran out, each with DELETE notifies.
     */
    public synchronized ResponderOutput expire() {
        Instant now = ctx.clock().instant();
        table.expireHalfOpen(now);
        List<Datagram> out = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (IkeSa sa : table.allEstablished()) {
            for (ChildSa child : sa.children()) {
                if (!child.expires().isAfter(now) && child.expires().isAfter(child.established())) {
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

    private void remove(IkeSa sa) {
        sa.quickModes().values().forEach(QuickModeResponder::abandon);
        sa.destroy();
        table.removeEstablished(sa.id());
        cache.forget(sa.id());
    }

    public synchronized List<IkeSaView> ikeSas() {
        return table.allEstablished().stream().map(IkeSaView::of).toList();
    }

    public synchronized int halfOpenCount() {
        return table.halfOpenCount();
    }

    private ResponderOutput drop(Drop reason) {
        stats.count(reason);
        return ResponderOutput.NOTHING;
    }
}

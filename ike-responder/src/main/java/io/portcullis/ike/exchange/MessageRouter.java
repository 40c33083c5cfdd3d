package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.FragmentPayload;
import io.portcullis.ike.isakmp.FragmentReassembler;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.PayloadType;
import io.portcullis.ike.isakmp.ReassemblyResult;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The receive path of one shard: reassembles fragments, answers retransmissions from the cache, routes by
 * cookies and message ID to the Main Mode, Quick Mode and Informational exchanges, enforces the half-open
 * limits (through the table and its shared {@link AdmissionBudget}), and applies what a completed exchange
 * changed (an IKE SA established, deleted, or superseded by INITIAL-CONTACT). Not thread-safe: the shard's
 * lock.
 *
 * <p>What is never answered (RFC 2408 §5.2 and common practice against reflection): unknown cookies,
 * malformed datagrams, messages out of order, and floods beyond the limits.
 */
final class MessageRouter {

    private final ExchangeContext ctx;
    private final IkeSaTable table;
    private final RetransmissionCache cache;
    private final FragmentReassembler reassembler;
    private final InformationalExchange informational;
    private final SaTeardown teardown;
    private final Reauthentication reauthentication;
    private final IkeStats stats;
    private final boolean deferAuthentication;
    private final ChildInitiation childInitiation;

    MessageRouter(ExchangeContext ctx, IkeSaTable table, RetransmissionCache cache, FragmentReassembler reassembler,
            SaTeardown teardown, Reauthentication reauthentication, IkeStats stats, boolean deferAuthentication) {
        this.ctx = ctx;
        this.table = table;
        this.cache = cache;
        this.reassembler = reassembler;
        this.informational = new InformationalExchange(ctx);
        this.teardown = teardown;
        this.reauthentication = reauthentication;
        this.stats = stats;
        this.deferAuthentication = deferAuthentication;
        this.childInitiation = new ChildInitiation(ctx);
    }

    IkeOutput process(Datagram in) {
        table.expireHalfOpen(ctx.clock().instant());
        byte[] bytes = in.data();
        IsakmpHeader header;
        try {
            header = ctx.decoder().decodeHeader(bytes);
            if (!header.isEncrypted() && (bytes[16] & 0xFF) == PayloadType.FRAGMENT.value()) {
                Optional<byte[]> whole = reassemble(header, bytes, in.source());
                if (whole.isEmpty()) {
                    return IkeOutput.NOTHING;
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
            return new IkeOutput(cached.get().stream().map(in::reply).toList(), List.of());
        }
        return conclude(in, bytes, route(header, bytes, in));
    }

    /** Message 6 (or the notify) for a deferred message 5, once its peer check decided. */
    IkeOutput resume(PendingAuthentication pending, AuthDecision decision) {
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
    IkeOutput abandon(PendingAuthentication pending) {
        stats.count(Drop.AUTHENTICATION_OVERLOAD);
        table.removeHalfOpen(pending.exchange());
        return IkeOutput.NOTHING;
    }

    private IkeOutput conclude(Datagram in, byte[] bytes, Routed routed) {
        ExchangeResult result = routed.result();
        result.drop().ifPresent(stats::count);
        if (routed.cacheable() && !result.replies().isEmpty() && result.status() != ExchangeResult.Status.DROPPED) {
            cache.store(in.source(), bytes, routed.owner(), result.replies());
        }
        List<IkeEvent> events = new ArrayList<>(result.events());
        List<Datagram> out = new ArrayList<>(result.replies().stream().map(in::reply).toList());
        for (IkeEvent event : result.events()) {
            if (event instanceof IkeEvent.InitialContact contact) {
                reauthentication.dropOlderSas(contact, events);
            } else if (event instanceof IkeEvent.IkeSaDeleted deleted) {
                teardown.forget(deleted.ikeSa());
            }
        }
        return new IkeOutput(out, events, result.pending().stream().toList());
    }

    /**
     * @param cacheable whether a copy of the datagram is answered from the cache: not for replies to what we
     *     initiated, which are ignored when repeated (our own timer resends instead)
     */
    private record Routed(IkeSaId owner, ExchangeResult result, boolean cacheable) {
        Routed(IkeSaId owner, ExchangeResult result) {
            this(owner, result, true);
        }
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
            Optional<InitiatedMainMode> ours = table.initiated(header.initiatorCookie())
                    .filter(initiated -> initiated.accepts(header, in.source()));
            if (ours.isPresent()) {
                return initiatedReply(ours.get(), header, bytes, in);
            }
            Drop reason = table.established(id).isPresent() ? Drop.UNEXPECTED : Drop.UNKNOWN_COOKIES;
            return new Routed(id, ExchangeResult.dropped(reason, "no Main Mode in progress for " + id));
        }
        ExchangeResult result = exchange.get().process(header, bytes, in.source(), in.destination());
        settleMainMode(id, exchange.get(), result);
        return new Routed(id, result);
    }

    /** A reply to a Main Mode we started; once it is established, the Quick Mode it was started for begins. */
    private Routed initiatedReply(InitiatedMainMode ours, IsakmpHeader header, byte[] bytes, Datagram in) {
        ExchangeResult result = ours.process(header, bytes, in.source(), in.destination());
        if (result.status() == ExchangeResult.Status.FAILED) {
            table.removeInitiated(ours.initiatorCookie());
            ours.destroy();
        } else if (result.status() == ExchangeResult.Status.COMPLETE) {
            table.removeInitiated(ours.initiatorCookie());
            IkeSa sa = ours.mainMode().established().orElseThrow();
            table.addEstablished(sa);
            if (ours.initiation().child().isPresent()) {
                result = withQuickMode(result, childInitiation.start(sa, ours.initiation().child().get()));
            }
        }
        return new Routed(ours.mainMode().id(), result, false);
    }

    private static ExchangeResult withQuickMode(ExchangeResult mainMode, byte[] quickMode1) {
        List<byte[]> replies = new ArrayList<>(mainMode.replies());
        replies.add(quickMode1);
        return new ExchangeResult(mainMode.status(), replies, mainMode.events(), mainMode.drop(),
                mainMode.detail() + "; Quick Mode 1 sent");
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
        int messageId = header.messageId();
        Optional<QuickModeRekeyInitiator> ours = sa.exchanges().initiated(messageId);
        if (ours.isPresent()) {
            ExchangeResult result = ours.get().process(ctx.decoder().decodeEncrypted(bytes));
            if (result.status() == ExchangeResult.Status.COMPLETE || result.status() == ExchangeResult.Status.FAILED) {
                sa.rekeys().finished(ours.get());
            }
            return result;
        }
        Optional<QuickModeResponder> theirs = sa.exchanges().responding(messageId);
        if (theirs.isEmpty() && sa.exchanges().count(Role.RESPONDER) >= IkeSa.MAX_PENDING_QUICK_MODES) {
            return ExchangeResult.dropped(Drop.HALF_OPEN_LIMIT, "too many Quick Modes in progress");
        }
        QuickModeResponder exchange = theirs.orElseGet(() -> new QuickModeResponder(ctx, sa, messageId));
        ExchangeResult result = exchange.process(ctx.decoder().decodeEncrypted(bytes));
        switch (result.status()) {
            case CONTINUE -> sa.exchanges().add(messageId, ExchangeTable.Entry.of(exchange));
            case COMPLETE, FAILED -> sa.exchanges().remove(messageId);
            case DROPPED -> {
                if (exchange.state() == QuickModeResponder.State.AWAITING_PROPOSAL) {
                    sa.ivs().forget(messageId); // nothing was started under this M-ID
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

    private IkeOutput drop(Drop reason) {
        stats.count(reason);
        return IkeOutput.NOTHING;
    }
}

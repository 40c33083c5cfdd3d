package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.IsakmpHeader;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A half-open IKE SA we started: the {@link MainMode} in its initiator role, what it was started for, and
 * what it last sent and received. The table keys it by our initiator cookie alone, because the responder
 * cookie is unknown until message 2 arrives, and the cookie is ours: we chose it at random, and the table
 * refuses a second half-open SA with the same one.
 *
 * <p>A reply identical to the one already processed is a retransmission by the responder (it did not see our
 * next message yet, or a copy was duplicated on the way): like strongSwan it is ignored rather than answered,
 * since our own retransmission of the stored message serves the same purpose without amplifying.
 */
final class InitiatedMainMode {

    private final MainMode mainMode;
    private final Initiation initiation;
    private final ExchangeContext ctx;
    private final RetransmissionTimer.Schedule schedule;
    private List<byte[]> lastSent;
    private RetransmissionTimer timer;
    private byte[] lastReply;

    InitiatedMainMode(ExchangeContext ctx, Initiation initiation, RetransmissionTimer.Schedule schedule) {
        this.ctx = ctx;
        this.schedule = schedule;
        this.mainMode = MainMode.initiator(ctx, initiation.peer(), initiation.local());
        this.initiation = initiation;
        this.lastSent = List.of(mainMode.message1());
        this.timer = new RetransmissionTimer(schedule, ctx.clock().instant());
    }

    long initiatorCookie() {
        return mainMode.id().initiatorCookie();
    }

    MainMode mainMode() {
        return mainMode;
    }

    Initiation initiation() {
        return initiation;
    }

    /** What we sent last (message 1, 3 or 5; several datagrams when fragmented), to send again as it was. */
    List<byte[]> lastSent() {
        return lastSent.stream().map(byte[]::clone).toList();
    }

    /**
     * Whether a datagram under this initiator cookie belongs to this exchange: it comes from the peer's address,
     * and once message 2 told us the responder cookie, it carries that cookie.
     */
    boolean accepts(IsakmpHeader header, InetSocketAddress source) {
        if (!source.getAddress().equals(initiation.peer().getAddress())) {
            return false;
        }
        return mainMode.state() == MainMode.State.AWAITING_SA
                || header.responderCookie() == mainMode.id().responderCookie();
    }

    ExchangeResult process(IsakmpHeader header, byte[] datagram, InetSocketAddress source,
            InetSocketAddress destination) {
        if (lastReply != null && Arrays.equals(lastReply, datagram)) {
            return ExchangeResult.dropped(Drop.REPLAYED, "the responder's last reply again: ignored");
        }
        ExchangeResult result = mainMode.process(header, datagram, source, destination);
        if (result.status() != ExchangeResult.Status.DROPPED) {
            lastReply = datagram.clone();
        }
        if (result.status() == ExchangeResult.Status.CONTINUE) {
            lastSent = result.replies();
            timer = new RetransmissionTimer(schedule, ctx.clock().instant()); // each message has its own tries
        }
        return result;
    }

    /**
     * What is due at {@code now}: nothing; the stored bytes of our last message again (never re-encrypted: the
     * responder recognises a copy and answers from its cache, and the IV chain stays as it was); or, after the
     * last try, the end of this exchange with its key material wiped. The caller removes it from the table then.
     */
    Optional<ExchangeResult> onTimer(Instant now) {
        return switch (timer.due(now)) {
            case WAIT -> Optional.empty();
            case RESEND -> Optional.of(ExchangeResult.progress(lastSent(),
                    "Main Mode message sent again (" + timer.sent() + ")"));
            case GIVE_UP -> {
                destroy();
                String reason = "no answer after " + timer.sent() + " tries in state " + mainMode.state();
                yield Optional.of(ExchangeResult.failed(List.of(), List.of(new IkeEvent.InitiationFailed(mainMode.id(),
                        initiation.peer(), reason)), reason));
            }
        };
    }

    /** The exchange is over without an IKE SA: its DH value and keys are wiped (a no-op after a failure did so). */
    void destroy() {
        mainMode.phase1.destroy();
    }

    boolean holdsKeyMaterial() {
        return mainMode.phase1.holdsKeyMaterial();
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.exchange.policy.RekeyProposal;
import io.portcullis.ike.exchange.policy.RekeyTiming;
import io.portcullis.ike.exchange.policy.SelectorIds;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.keymat.ChildSaKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initiator side of Quick Mode (RFC 2409 §5.5), run by the gateway to replace an IPsec SA pair before
 * its lifetime ends:
 * <pre>
 *   1  HDR*, HASH(1), SA, Ni [, KE], IDci, IDcr                          →
 *   2  ← HDR*, HASH(2), SA, Nr [, KE], IDci, IDcr [, N(RESPONDER-LIFETIME)]
 *   3  HDR*, HASH(3)                                                     →  ChildSaEstablished
 * </pre>
 * It proposes what the pair being replaced was negotiated with (transform, encapsulation mode, PFS group,
 * lifetimes; IDci our selector, IDcr the peer's) under a fresh message ID, SPI, nonce and DH value. We
 * install the new pair when we send message 3 (the peer installs it on receiving it); the old one stays
 * until its hard lifetime. Message 1 is sent again on a {@link RetransmissionTimer} until it gives up. A
 * reply that does not decrypt or whose HASH(2) fails is dropped without moving the IV, so the genuine one
 * can still complete the exchange; a verified reply we cannot accept ends it with a notify.
 */
public final class QuickModeRekeyInitiator {

    public enum State { AWAITING_REPLY, COMPLETE, FAILED }

    private final ExchangeContext ctx;
    private final IkeSa sa;
    private final ChildSa replaced;
    private final int messageId;
    private final int ourSpi;
    private final Phase2 phase2;
    private final byte[] message1;
    private final RetransmissionTimer timer;
    private State state = State.AWAITING_REPLY;

    /** Builds message 1 (take it from {@link #message1()}); allocates the new inbound SPI. */
    QuickModeRekeyInitiator(ExchangeContext ctx, IkeSa sa, ChildSa replaced, int messageId,
            RetransmissionTimer.Schedule schedule) {
        this.ctx = ctx;
        this.sa = sa;
        this.replaced = replaced;
        this.messageId = messageId;
        this.ourSpi = ctx.spis().allocate();
        byte[] ni = ctx.nonce();
        this.phase2 = Phase2.initiator(sa, messageId, ni);
        Optional<byte[]> ourKe = replaced.pfsGroup().map(group -> phase2.startPfs(group, ctx.random()));
        List<Payload> rest = new ArrayList<>();
        rest.add(Payload.of(RekeyProposal.of(replaced.transform(), replaced.mode(), replaced.pfsGroup(),
                replaced.lifetime(), ourSpi)));
        rest.add(Payload.of(NoncePayload.of(ni)));
        ourKe.ifPresent(ke -> rest.add(Payload.of(KeyExchangePayload.of(ke))));
        rest.add(Payload.of(SelectorIds.toId(replaced.local()))); // IDci: we are the initiator now
        rest.add(Payload.of(SelectorIds.toId(replaced.remote())));
        this.message1 = phase2.seal(1, rest);
        this.timer = new RetransmissionTimer(schedule, ctx.clock().instant());
    }

    public State state() {
        return state;
    }

    int messageId() {
        return messageId;
    }

    /** The inbound SPI the new pair will have (the peer names it in a refusal). */
    int ourSpi() {
        return ourSpi;
    }

    ChildSa replaced() {
        return replaced;
    }

    /** Message 1, the same bytes for every retransmission (the peer recognises a copy and answers from its cache). */
    byte[] message1() {
        return message1.clone();
    }

    /** Message 2 from the peer. */
    public ExchangeResult process(EncryptedMessage message) {
        if (state != State.AWAITING_REPLY) {
            return ExchangeResult.dropped(Drop.UNEXPECTED, "rekey Quick Mode already " + state);
        }
        ProtectedMessages.Checked checked = phase2.open(message, ctx.decoder(), 2);
        if (checked instanceof ProtectedMessages.Rejected rejected) {
            return rejected.result();
        }
        RekeyReply.Outcome outcome = RekeyReply.check(((ProtectedMessages.Verified) checked).message(), replaced, ctx.policy(),
                sa.natTraversal());
        if (outcome instanceof RekeyReply.Refused refused) {
            return fail(refused.notifyType(), refused.detail());
        }
        return complete((RekeyReply.Accepted) outcome);
    }

    private ExchangeResult complete(RekeyReply.Accepted reply) {
        phase2.peerNonce(reply.nonce());
        if (replaced.pfsGroup().isPresent()) {
            try {
                phase2.completePfs(replaced.pfsGroup().get(), reply.keyExchange().orElseThrow());
            } catch (IkeCryptoException e) {
                return fail(NotifyType.INVALID_KEY_INFORMATION, e.getMessage());
            }
        }
        LifetimeLimits lifetime = RekeyTiming.limits(reply.hardSeconds(), reply.hardKilobytes(), ctx.random());
        ChildSaEstablished established = established(reply.peerSpi(), lifetime);
        byte[] message3 = phase2.seal(3, List.of());
        sa.ivs().forget(messageId);
        phase2.destroy();
        state = State.COMPLETE;
        sa.addChild(new ChildSa(ourSpi, reply.peerSpi(), replaced.transform(), replaced.local(), replaced.remote(),
                replaced.mode(), replaced.pfsGroup(), lifetime, ctx.clock().instant()));
        return ExchangeResult.complete(List.of(message3), List.of(established), "rekey Quick Mode 3: IPsec SA pair replaced");
    }

    private ChildSaEstablished established(int peerSpi, LifetimeLimits lifetime) {
        ChildSaKeys keys = phase2.keys(ourSpi, peerSpi, replaced.transform().keymatBytes());
        try {
            return new ChildSaEstablished(sa.id(), keys, replaced.transform(), replaced.local(), replaced.remote(),
                    lifetime, new EspRoute(sa.peerAddress(), replaced.udpEncapsulated()));
        } finally {
            keys.destroy();
        }
    }

    /** Resends message 1 when its timer says so, or gives up; empty while waiting. */
    Optional<ExchangeResult> onTimer(Instant now) {
        if (state != State.AWAITING_REPLY) {
            return Optional.empty();
        }
        return switch (timer.due(now)) {
            case WAIT -> Optional.empty();
            case RESEND -> Optional.of(ExchangeResult.progress(List.of(message1()),
                    "rekey Quick Mode 1 sent again (" + timer.sent() + ")"));
            case GIVE_UP -> Optional.of(ended("no answer after " + timer.sent() + " tries"));
        };
    }

    /** The peer refused the proposal in an Informational naming our SPI (strongSwan's NO_PROPOSAL_CHOSEN). */
    ExchangeResult refusedByPeer(NotifyType notify) {
        if (state != State.AWAITING_REPLY) {
            return ExchangeResult.dropped(Drop.NOTHING_TO_DO, "rekey already " + state);
        }
        return ended("the peer answered " + notify);
    }

    private ExchangeResult ended(String reason) {
        abandon();
        state = State.FAILED;
        return ExchangeResult.failed(List.of(), List.of(failure(reason)),
                "rekey of " + replaced + " failed: " + reason);
    }

    /**
     * A protected Informational on a fresh M-ID (RFC 2409 §5.7) naming our SPI, as strongSwan does, so the
     * peer can tell which exchange it ends.
     */
    private ExchangeResult fail(NotifyType notify, String detail) {
        abandon();
        state = State.FAILED;
        byte[] informational = ProtectedMessages.informational(sa, sa.freshMessageId(ctx), NotificationPayload.of(notify,
                ProtocolId.IPSEC_ESP, Bytes.ofUnsigned(ourSpi & 0xFFFF_FFFFL, 4), Bytes.EMPTY));
        return ExchangeResult.failed(List.of(informational), List.of(
                new IkeEvent.ExchangeFailed(sa.id(), sa.peerAddress(), notify, detail),
                failure(detail)), detail);
    }

    /** A rekey reports on the pair it was to replace; a new pair (no SPI yet, {@link ChildRequest}) on its selectors. */
    private IkeEvent failure(String reason) {
        return replaced.inboundSpi() == 0
                ? new IkeEvent.ChildSaNotEstablished(sa.id(), replaced.local(), replaced.remote(), reason)
                : new IkeEvent.RekeyFailed(sa.id(), replaced.inboundSpi(), reason);
    }

    /** Releases what an exchange that never completed holds: its SPI, IV chain and DH value. */
    void abandon() {
        if (state == State.AWAITING_REPLY) {
            ctx.spis().release(ourSpi);
            sa.ivs().forget(messageId);
            phase2.destroy();
        }
    }
}

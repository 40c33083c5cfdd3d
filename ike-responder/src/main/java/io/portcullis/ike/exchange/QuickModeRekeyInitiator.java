package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.exchange.policy.RekeyProposal;
import io.portcullis.ike.exchange.policy.RekeyTiming;
import io.portcullis.ike.exchange.policy.SelectorIds;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.QuickModeHashes;
import io.portcullis.ike.keymat.QuickModeKeymat;
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

    private final ResponderContext ctx;
    private final IkeSa sa;
    private final ChildSa replaced;
    private final int messageId;
    private final int ourSpi;
    private final IvChain chain;
    private final byte[] ni;
    private DhKeyPair dh;
    private final byte[] message1;
    private final RetransmissionTimer timer;
    private State state = State.AWAITING_REPLY;

    /** Builds message 1 (take it from {@link #message1()}); allocates the new inbound SPI. */
    QuickModeRekeyInitiator(ResponderContext ctx, IkeSa sa, ChildSa replaced, int messageId,
            RetransmissionTimer.Schedule schedule) {
        this.ctx = ctx;
        this.sa = sa;
        this.replaced = replaced;
        this.messageId = messageId;
        this.chain = sa.ivs().forMessageId(messageId);
        this.ourSpi = ctx.spis().allocate();
        this.ni = ctx.randomBytes(MainModeResponder.NONCE_LENGTH);
        this.dh = replaced.pfsGroup().map(group -> group.generate(ctx.random())).orElse(null);
        List<Payload> rest = new ArrayList<>();
        rest.add(Payload.of(RekeyProposal.of(replaced.transform(), replaced.mode(), replaced.pfsGroup(),
                replaced.lifetime(), ourSpi)));
        rest.add(Payload.of(NoncePayload.of(ni)));
        if (dh != null) {
            rest.add(Payload.of(KeyExchangePayload.of(dh.publicValue())));
        }
        rest.add(Payload.of(SelectorIds.toId(replaced.local()))); // IDci: we are the initiator now
        rest.add(Payload.of(SelectorIds.toId(replaced.remote())));
        byte[] skeyidA = sa.keys().skeyidA();
        byte[] hash1;
        try {
            hash1 = QuickModeHashes.hash1(sa.selection().prf(), skeyidA, messageId, IsakmpEncoder.encodePayloads(rest));
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyidA);
        }
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(HashPayload.of(hash1)));
        payloads.addAll(rest);
        IsakmpHeader header = IsakmpHeader.of(sa.id().initiatorCookie(), sa.id().responderCookie(),
                ExchangeType.QUICK_MODE, 0, messageId);
        this.message1 = ProtectedMessages.seal(sa.crypto(), chain, header, payloads);
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
        Optional<ProtectedMessages.Opened> opened = ProtectedMessages.open(sa.crypto(), chain, ctx.decoder(), message);
        if (opened.isEmpty()) {
            return ExchangeResult.dropped(Drop.UNDECRYPTABLE, "Quick Mode 2 does not decrypt");
        }
        List<Payload> payloads = opened.get().message().message().payloads();
        if (payloads.isEmpty() || !(payloads.get(0).body() instanceof HashPayload hash)) {
            return ExchangeResult.dropped(Drop.BAD_HASH, "Quick Mode 2 does not start with HASH");
        }
        byte[] skeyidA = sa.keys().skeyidA();
        try {
            byte[] expected = QuickModeHashes.hash2(sa.selection().prf(), skeyidA, messageId, ni,
                    ProtectedMessages.afterHash(payloads));
            if (!QuickModeHashes.matches(expected, hash.hash().toByteArray())) {
                return ExchangeResult.dropped(Drop.BAD_HASH, "HASH(2) does not verify");
            }
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyidA);
        }
        opened.get().decryption().commit();
        RekeyReply.Outcome outcome = RekeyReply.check(opened.get().message().message(), replaced, ctx.policy(),
                sa.natTraversal());
        if (outcome instanceof RekeyReply.Refused refused) {
            return fail(refused.notifyType(), refused.detail());
        }
        return complete((RekeyReply.Accepted) outcome);
    }

    private ExchangeResult complete(RekeyReply.Accepted reply) {
        byte[] pfsSecret = null;
        if (dh != null) {
            DhGroup group = replaced.pfsGroup().orElseThrow();
            try {
                pfsSecret = group.sharedSecret(dh.privateKey(), reply.keyExchange().orElseThrow());
            } catch (IkeCryptoException e) {
                return fail(NotifyType.INVALID_KEY_INFORMATION, e.getMessage());
            }
        }
        byte[] nr = reply.nonce();
        LifetimeLimits lifetime = RekeyTiming.limits(reply.hardSeconds(), reply.hardKilobytes(), ctx.random());
        ChildSaEstablished established = keys(reply.peerSpi(), nr, pfsSecret, lifetime);
        io.portcullis.ike.crypto.Bytes.wipe(pfsSecret);
        byte[] skeyidA = sa.keys().skeyidA();
        byte[] hash3;
        try {
            hash3 = QuickModeHashes.hash3(sa.selection().prf(), skeyidA, messageId, ni, nr);
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyidA);
        }
        IsakmpHeader header = IsakmpHeader.of(sa.id().initiatorCookie(), sa.id().responderCookie(),
                ExchangeType.QUICK_MODE, 0, messageId);
        byte[] message3 = ProtectedMessages.seal(sa.crypto(), chain, header, List.of(Payload.of(HashPayload.of(hash3))));
        sa.ivs().forget(messageId);
        destroyDh();
        state = State.COMPLETE;
        sa.addChild(new ChildSa(ourSpi, reply.peerSpi(), replaced.transform(), replaced.local(), replaced.remote(),
                replaced.mode(), replaced.pfsGroup(), lifetime, ctx.clock().instant()));
        return ExchangeResult.complete(List.of(message3), List.of(established), "rekey Quick Mode 3: IPsec SA pair replaced");
    }

    private ChildSaEstablished keys(int peerSpi, byte[] nr, byte[] pfsSecret, LifetimeLimits lifetime) {
        byte[] skeyidD = sa.keys().skeyidD();
        try {
            int protocol = ProtocolId.IPSEC_ESP.value();
            int length = replaced.transform().keymatBytes();
            // Ni | Nr stay in initiator-first order: here Ni is ours
            byte[] inbound = QuickModeKeymat.keymat(sa.selection().prf(), skeyidD, pfsSecret, protocol, ourSpi, ni, nr, length);
            byte[] outbound = QuickModeKeymat.keymat(sa.selection().prf(), skeyidD, pfsSecret, protocol, peerSpi, ni, nr, length);
            ChildSaEstablished child = new ChildSaEstablished(sa.id(), ourSpi, peerSpi, replaced.transform(), inbound,
                    outbound, replaced.local(), replaced.remote(), lifetime, replaced.udpEncapsulated(), sa.peerAddress());
            io.portcullis.ike.crypto.Bytes.wipe(inbound, outbound);
            return child;
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyidD);
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
        return ExchangeResult.failed(List.of(), List.of(new IkeEvent.RekeyFailed(sa.id(), replaced.inboundSpi(), reason)),
                "rekey of " + replaced + " failed: " + reason);
    }

    /**
     * A protected Informational on a fresh M-ID (RFC 2409 §5.7) naming our SPI, as strongSwan does, so the
     * peer can tell which exchange it ends.
     */
    private ExchangeResult fail(NotifyType notify, String detail) {
        abandon();
        state = State.FAILED;
        byte[] informational = ProtectedMessages.informational(sa, ctx.newMessageId(), NotificationPayload.of(notify,
                ProtocolId.IPSEC_ESP, Bytes.ofUnsigned(ourSpi & 0xFFFF_FFFFL, 4), Bytes.EMPTY));
        return ExchangeResult.failed(List.of(informational), List.of(
                new IkeEvent.ExchangeFailed(sa.id(), sa.peerAddress(), notify, detail),
                new IkeEvent.RekeyFailed(sa.id(), replaced.inboundSpi(), detail)), detail);
    }

    /** Releases what an exchange that never completed holds: its SPI, IV chain and DH value. */
    void abandon() {
        if (state == State.AWAITING_REPLY) {
            ctx.spis().release(ourSpi);
            sa.ivs().forget(messageId);
            destroyDh();
        }
    }

    private void destroyDh() {
        if (dh != null) {
            dh.privateKey().destroy();
            dh = null;
        }
    }
}

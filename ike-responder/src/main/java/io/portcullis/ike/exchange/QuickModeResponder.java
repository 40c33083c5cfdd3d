package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.exchange.policy.ChildSaTerms;
import io.portcullis.ike.exchange.policy.Phase2ProposalSelector;
import io.portcullis.ike.exchange.policy.Phase2Selection;
import io.portcullis.ike.exchange.policy.SelectorDecision;
import io.portcullis.ike.exchange.policy.TrafficSelectorNegotiator;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.keymat.ChildSaKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The responder side of Quick Mode (RFC 2409 §5.5):
 * <pre>
 *   1  HDR*, HASH(1), SA, Ni [, KE] [, IDci, IDcr]  →  2  HDR*, HASH(2), SA, Nr [, KE] [, IDci, IDcr] [, N(RESPONDER-LIFETIME)]
 *   3  HDR*, HASH(3)                                 →  ChildSaEstablished
 * </pre>
 * The IPsec SAs become usable only after message 3 proved the initiator holds the keys (we
 * do not use the commit bit). A message whose HASH fails is dropped without moving the IV.
 */
public final class QuickModeResponder {

    public enum State { AWAITING_PROPOSAL, AWAITING_CONFIRMATION, COMPLETE, FAILED }

    private final ExchangeContext ctx;
    private final IkeSa sa;
    private final int messageId;
    private final Phase2 phase2;
    private State state = State.AWAITING_PROPOSAL;
    private ChildSaEstablished pending;
    /** What the pending pair was negotiated with, for the record the IKE SA keeps (a rekey proposes it again). */
    private Phase2Selection pendingSelection;

    QuickModeResponder(ExchangeContext ctx, IkeSa sa, int messageId) {
        this.ctx = ctx;
        this.sa = sa;
        this.messageId = messageId;
        this.phase2 = Phase2.responder(sa, messageId);
    }

    public State state() {
        return state;
    }

    public ExchangeResult process(EncryptedMessage message) {
        if (state == State.COMPLETE || state == State.FAILED) {
            return ExchangeResult.dropped(Drop.UNEXPECTED, "Quick Mode already " + state);
        }
        ProtectedMessages.Checked checked = phase2.open(message, ctx.decoder(),
                state == State.AWAITING_PROPOSAL ? 1 : 3);
        if (checked instanceof ProtectedMessages.Rejected rejected) {
            return rejected.result();
        }
        IsakmpMessage verified = ((ProtectedMessages.Verified) checked).message();
        return state == State.AWAITING_PROPOSAL ? proposal(verified) : confirmation();
    }

    private ExchangeResult proposal(IsakmpMessage message) {
        List<SecurityAssociationPayload> sas = message.all(SecurityAssociationPayload.class);
        Optional<NoncePayload> nonce = message.first(NoncePayload.class);
        List<KeyExchangePayload> kes = message.all(KeyExchangePayload.class);
        List<IdentificationPayload> ids = message.all(IdentificationPayload.class);
        if (sas.size() != 1 || nonce.isEmpty() || kes.size() > 1 || (ids.size() != 0 && ids.size() != 2)) {
            return fail(NotifyType.PAYLOAD_MALFORMED, "Quick Mode 1 needs one SA, a nonce, at most one KE, zero or two IDs");
        }
        Optional<Phase2Selection> chosen = new Phase2ProposalSelector(ctx.policy(), sa.natTraversal()).select(sas.get(0));
        if (chosen.isEmpty()) {
            return fail(NotifyType.NO_PROPOSAL_CHOSEN, "no acceptable ESP transform");
        }
        Phase2Selection selection = chosen.get();
        if (selection.pfsGroup().isPresent() != !kes.isEmpty()) {
            // RFC 2409 §5.5: KE is sent exactly when a group description is proposed
            return fail(NotifyType.NO_PROPOSAL_CHOSEN, "KE payload and PFS group disagree");
        }
        SelectorDecision decision = new TrafficSelectorNegotiator(ctx.policy().protectedSubnets()).negotiate(
                ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0)),
                ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(1)), sa.peer().subnets());
        if (decision instanceof SelectorDecision.Refused refused) {
            return fail(NotifyType.INVALID_ID_INFORMATION, refused.reason());
        }
        SelectorDecision.Agreed selectors = (SelectorDecision.Agreed) decision;
        phase2.peerNonce(nonce.get().nonce().toByteArray());
        byte[] nr = ctx.nonce();
        phase2.ourNonce(nr);
        Optional<byte[]> ourKe = Optional.empty();
        if (selection.pfsGroup().isPresent()) {
            DhGroup group = selection.pfsGroup().get();
            ourKe = Optional.of(phase2.startPfs(group, ctx.random()));
            try {
                phase2.completePfs(group, kes.get(0).publicValue().toByteArray());
            } catch (IkeCryptoException e) {
                return fail(NotifyType.INVALID_KEY_INFORMATION, e.getMessage());
            }
        }
        int ourSpi = ctx.spis().allocate();
        ChildSaTerms terms = ChildSaTerms.negotiate(selection.proposed(), ctx.policy(), ctx.random());
        pending = childSa(selection, selectors, terms, ourSpi);
        pendingSelection = selection;
        phase2.destroy(); // the KEYMAT is derived: g(qm)^xy is no longer needed

        List<Payload> rest = new ArrayList<>();
        rest.add(Payload.of(selection.responseSa(ourSpi)));
        rest.add(Payload.of(NoncePayload.of(nr)));
        ourKe.ifPresent(ke -> rest.add(Payload.of(KeyExchangePayload.of(ke))));
        if (!ids.isEmpty()) {
            rest.add(Payload.of(selectors.idci()));
            rest.add(Payload.of(selectors.idcr()));
        }
        terms.responderLifetime().ifPresent(data -> rest.add(Payload.of(NotificationPayload.of(
                NotifyType.RESPONDER_LIFETIME, ProtocolId.IPSEC_ESP, Bytes.ofUnsigned(selection.peerSpi() & 0xFFFF_FFFFL, 4),
                data))));
        state = State.AWAITING_CONFIRMATION;
        return ExchangeResult.progress(List.of(phase2.seal(2, rest)),
                "Quick Mode 2: " + selection.espTransform() + (selectors.narrowed() ? " (narrowed)" : ""));
    }

    private ChildSaEstablished childSa(Phase2Selection selection, SelectorDecision.Agreed selectors, ChildSaTerms terms,
            int ourSpi) {
        EspTransform transform = selection.espTransform();
        ChildSaKeys keys = phase2.keys(ourSpi, selection.peerSpi(), transform.keymatBytes());
        try {
            return new ChildSaEstablished(sa.id(), keys, transform, selectors.local(), selectors.remote(), terms.hard(),
                    new EspRoute(sa.peerAddress(), selection.udpEncapsulated()));
        } finally {
            keys.destroy();
        }
    }

    private ExchangeResult confirmation() {
        state = State.COMPLETE;
        sa.ivs().forget(messageId);
        Instant now = ctx.clock().instant();
        sa.addChild(new ChildSa(pending.inboundSpi(), pending.outboundSpi(), pending.transform(), pending.local(),
                pending.remote(), pendingSelection.mode(), pendingSelection.pfsGroup(), pending.lifetime(), now));
        ChildSaEstablished event = pending;
        pending = null;
        pendingSelection = null;
        return ExchangeResult.complete(List.of(), List.of(event), "IPsec SA pair established");
    }

    /** A protected Informational notify on a fresh M-ID (RFC 2409 §5.7); this exchange ends. */
    private ExchangeResult fail(NotifyType notify, String detail) {
        state = State.FAILED;
        sa.ivs().forget(messageId);
        byte[] reply = ProtectedMessages.informational(sa, sa.freshMessageId(ctx), Notifications.error(notify, sa.id()));
        return ExchangeResult.failed(List.of(reply),
                List.of(new IkeEvent.ExchangeFailed(sa.id(), sa.peerAddress(), notify, detail)), detail);
    }

    /** Whether this exchange is about to establish a pair with these selectors (gateway side, peer side). */
    boolean negotiating(io.portcullis.ike.esp.TrafficSelector local, io.portcullis.ike.esp.TrafficSelector remote) {
        return pending != null && pending.local().equals(local) && pending.remote().equals(remote);
    }

    /** Releases the SPI of an exchange that never completed. */
    void abandon() {
        phase2.destroy();
        if (pending != null) {
            ctx.spis().release(pending.inboundSpi());
            pending = null;
        }
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.exchange.policy.Lifetimes;
import io.portcullis.ike.exchange.policy.Phase2ProposalSelector;
import io.portcullis.ike.exchange.policy.Phase2Selection;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.exchange.policy.SelectorIds;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import java.util.List;
import java.util.Optional;

/**
 * Quick Mode message 2 (HASH already verified) checked against the proposal the gateway made to replace a
 * pair (RFC 2409 §5.5): one SA with the one transform we offered, unchanged (RFC 2408 §4.2 has the responder
 * echo it; the selector is run on it to read it exactly as a peer's proposal would be), a nonce, a KE exactly
 * when we asked for PFS, and the same two client IDs. A RESPONDER-LIFETIME notify (RFC 2407 §4.6.3.1) or a
 * shorter echoed lifetime shortens the new pair; nothing can lengthen it.
 */
final class RekeyReply {

    sealed interface Outcome permits Accepted, Refused {
    }

    /** What the new pair is built from. */
    record Accepted(int peerSpi, byte[] nonce, Optional<byte[]> keyExchange, long hardSeconds, long hardKilobytes)
            implements Outcome {
    }

    /** Answered with this notify; the rekey ends. */
    record Refused(NotifyType notifyType, String detail) implements Outcome {
    }

    private RekeyReply() {
    }

    static Outcome check(IsakmpMessage reply, ChildSa replaced, GatewayPolicy policy, boolean natTraversal) {
        List<SecurityAssociationPayload> sas = reply.all(SecurityAssociationPayload.class);
        Optional<NoncePayload> nonce = reply.first(NoncePayload.class);
        List<KeyExchangePayload> kes = reply.all(KeyExchangePayload.class);
        List<IdentificationPayload> ids = reply.all(IdentificationPayload.class);
        if (sas.size() != 1 || nonce.isEmpty() || kes.size() > 1 || ids.size() != 2) {
            return new Refused(NotifyType.PAYLOAD_MALFORMED, "Quick Mode 2 needs one SA, a nonce, at most one KE, two IDs");
        }
        SecurityAssociationPayload sa = sas.get(0);
        if (sa.proposals().size() != 1 || sa.proposals().get(0).transforms().size() != 1) {
            return new Refused(NotifyType.BAD_PROPOSAL_SYNTAX, "Quick Mode 2 must choose exactly one transform");
        }
        Optional<Phase2Selection> chosen = new Phase2ProposalSelector(policy, natTraversal).select(sa);
        if (chosen.isEmpty() || !chosen.get().espTransform().equals(replaced.transform())
                || !chosen.get().mode().equals(replaced.mode())
                || chosen.get().pfsGroup().map(g -> g.id()).orElse(0) != replaced.pfsGroup().map(g -> g.id()).orElse(0)) {
            return new Refused(NotifyType.NO_PROPOSAL_CHOSEN, "the peer chose a transform we did not propose");
        }
        if (replaced.pfsGroup().isPresent() == kes.isEmpty()) {
            return new Refused(NotifyType.INVALID_KEY_INFORMATION, "KE payload and PFS group disagree");
        }
        Optional<TrafficSelector> idci = SelectorIds.toSelector(ids.get(0));
        Optional<TrafficSelector> idcr = SelectorIds.toSelector(ids.get(1));
        if (!idci.equals(Optional.of(replaced.local())) || !idcr.equals(Optional.of(replaced.remote()))) {
            return new Refused(NotifyType.INVALID_ID_INFORMATION, "the peer answered other selectors: " + idci + " " + idcr);
        }
        Optional<Lifetimes> shortened = responderLifetime(reply);
        if (shortened.isEmpty()) {
            return new Refused(NotifyType.PAYLOAD_MALFORMED, "unreadable RESPONDER-LIFETIME");
        }
        Lifetimes echoed = chosen.get().proposed();
        long seconds = shortest(shortest(replaced.lifetime().hardTime().toSeconds(), echoed.seconds()),
                shortened.get().seconds());
        long kilobytes = shortest(shortest(replaced.lifetime().hardKilobytes(), echoed.kilobytes()),
                shortened.get().kilobytes());
        return new Accepted(chosen.get().peerSpi(), nonce.get().nonce().toByteArray(),
                kes.stream().findFirst().map(ke -> ke.publicValue().toByteArray()), seconds, kilobytes);
    }

    /** The limits of every RESPONDER-LIFETIME notify, shortest first wins; NONE when there is none. */
    private static Optional<Lifetimes> responderLifetime(IsakmpMessage reply) {
        Lifetimes result = Lifetimes.NONE;
        for (NotificationPayload notify : reply.all(NotificationPayload.class)) {
            if (!notify.notifyType().equals(NotifyType.RESPONDER_LIFETIME)) {
                continue;
            }
            Optional<Lifetimes> parsed;
            try {
                parsed = Lifetimes.parse(DataAttribute.decodeList(notify.data()), IpsecAttributeType.SA_LIFE_TYPE.value(),
                        IpsecAttributeType.SA_LIFE_DURATION.value());
            } catch (IsakmpDecodeException e) {
                return Optional.empty();
            }
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            result = new Lifetimes(shortest(result.seconds(), parsed.get().seconds()),
                    shortest(result.kilobytes(), parsed.get().kilobytes()));
        }
        return Optional.of(result);
    }

    /** The smaller limit, 0 meaning "none". */
    private static long shortest(long a, long b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }
}

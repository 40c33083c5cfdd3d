package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DeletePayload;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.keymat.InformationalHash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Protected Informational exchanges under an established IKE SA (RFC 2409 §5.7): HASH(1)
 * verification, then RFC 3706 DPD (R-U-THERE → R-U-THERE-ACK with the same sequence number; an
 * R-U-THERE-ACK answering one of ours), DELETE of IPsec SAs and of the ISAKMP SA itself,
 * INITIAL-CONTACT, and a peer's refusal of a rekey Quick Mode we started. Unprotected
 * informationals after Phase 1 are ignored: anybody could forge them.
 */
final class InformationalExchange {

    private final ExchangeContext ctx;

    InformationalExchange(ExchangeContext ctx) {
        this.ctx = ctx;
    }

    ExchangeResult process(IkeSa sa, EncryptedMessage message) {
        int messageId = message.header().messageId();
        if (sa.exchanges().inProgress(messageId)) {
            // Its IV chain belongs to that exchange: a forged Informational must not reset it.
            return ExchangeResult.dropped(Drop.UNEXPECTED, "Informational on the message ID of a Quick Mode in progress");
        }
        ProtectedMessages.Checked checked = ProtectedMessages.openVerified(sa, sa.ivs().forMessageId(messageId),
                ctx.decoder(), message, "Informational", "HASH(1)", 2,
                (skeyidA, notifyOrDelete) -> InformationalHash.hash1(sa.selection().prf(), skeyidA, messageId,
                        notifyOrDelete));
        if (checked instanceof ProtectedMessages.Rejected rejected) {
            sa.ivs().forget(messageId);
            return rejected.result();
        }
        IsakmpMessage decoded = ((ProtectedMessages.Verified) checked).message();
        sa.ivs().forget(messageId); // one message per Informational exchange
        Outcome outcome = new Outcome();
        for (NotificationPayload notify : decoded.all(NotificationPayload.class)) {
            handleNotify(sa, notify, outcome);
        }
        for (DeletePayload delete : decoded.all(DeletePayload.class)) {
            handleDelete(sa, delete, outcome.events);
        }
        if (outcome.replies.isEmpty() && outcome.events.isEmpty()) {
            if (outcome.acknowledged) {
                return ExchangeResult.complete(List.of(), List.of(), "R-U-THERE-ACK: the peer is alive");
            }
            // A replayed or unsolicited DPD message is dropped as such: it must not count as a sign of life.
            return outcome.drop.map(d -> ExchangeResult.dropped(d, "Informational refused: " + d))
                    .orElseGet(() -> ExchangeResult.dropped(Drop.NOTHING_TO_DO, "Informational changed nothing"));
        }
        boolean ikeSaGone = outcome.events.stream().anyMatch(e -> e instanceof IkeEvent.IkeSaDeleted);
        return ikeSaGone ? ExchangeResult.failed(outcome.replies, outcome.events, "peer deleted the ISAKMP SA")
                : ExchangeResult.complete(outcome.replies, outcome.events, "Informational processed");
    }

    /** What the payloads of one Informational amount to. */
    private static final class Outcome {
        final List<byte[]> replies = new ArrayList<>();
        final List<IkeEvent> events = new ArrayList<>();
        boolean acknowledged;
        Optional<Drop> drop = Optional.empty();
    }

    private void handleNotify(IkeSa sa, NotificationPayload notify, Outcome outcome) {
        NotifyType type = notify.notifyType();
        if (type.equals(NotifyType.R_U_THERE) || type.equals(NotifyType.R_U_THERE_ACK)) {
            if (!notify.spi().equals(sa.id().asSpi()) || notify.data().length() != 4) {
                outcome.drop = Optional.of(Drop.MALFORMED); // RFC 3706 §5.1: the cookies as SPI, 4 bytes of data
                return;
            }
            int sequence = ByteBuffer.wrap(notify.data().toByteArray()).getInt();
            if (type.equals(NotifyType.R_U_THERE_ACK)) {
                if (sa.dpd().acknowledged(sequence)) {
                    outcome.acknowledged = true;
                } else {
                    outcome.drop = Optional.of(Drop.DPD_SEQUENCE);
                }
            } else if (sa.acceptDpdSequence(sequence)) {
                outcome.replies.add(ProtectedMessages.informational(sa, sa.freshMessageId(ctx),
                        NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE_ACK, sa.id().initiatorCookie(),
                                sa.id().responderCookie(), sequence)));
            } else {
                outcome.drop = Optional.of(Drop.REPLAYED);
            }
        } else if (type.equals(NotifyType.INITIAL_CONTACT)) {
            outcome.events.add(new IkeEvent.InitialContact(sa.id(), sa.peer().identity()));
        } else if (type.isError()) {
            // strongSwan refuses a Quick Mode we started with an error notify naming our SPI (RFC 2408 §5.14 lets
            // a peer do so); other error and status notifies carry nothing we act on.
            sa.rekeys().forOurSpi(notify.spi()).ifPresent(rekey -> {
                ExchangeResult ended = rekey.refusedByPeer(type);
                sa.rekeys().finished(rekey);
                outcome.events.addAll(ended.events());
            });
        }
    }

    private void handleDelete(IkeSa sa, DeletePayload delete, List<IkeEvent> events) {
        if (delete.protocol().equals(ProtocolId.ISAKMP)) {
            if (delete.spis().stream().anyMatch(spi -> spi.equals(sa.id().asSpi()))) {
                Deletes.allGone(ctx, sa, IkeEvent.Cause.PEER_DELETE, events);
            }
            return;
        }
        if (!delete.protocol().equals(ProtocolId.IPSEC_ESP) || delete.spiSize() != 4) {
            return;
        }
        // The peer names the SPIs it chose (its inbound = our outbound); we accept either side.
        for (Bytes spi : delete.spis()) {
            int value = ByteBuffer.wrap(spi.toByteArray()).getInt();
            sa.removeChildBySpi(value).ifPresent(child -> Deletes.childGone(ctx, sa.id(), child,
                    IkeEvent.Cause.PEER_DELETE, events));
        }
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.DeletePayload;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.QuickModeHashes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Protected Informational exchanges under an established IKE SA (RFC 2409 §5.7): HASH(1)
 * verification, then RFC 3706 DPD (R-U-THERE → R-U-THERE-ACK with the same sequence number),
 * DELETE of IPsec SAs and of the ISAKMP SA itself, and INITIAL-CONTACT. Unprotected
 * informationals after Phase 1 are ignored: anybody could forge them.
 */
final class InformationalResponder {

    private final ResponderContext ctx;

    InformationalResponder(ResponderContext ctx) {
        this.ctx = ctx;
    }

    ExchangeResult process(IkeSa sa, EncryptedMessage message) {
        int messageId = message.header().messageId();
        IvChain chain = sa.ivs().forMessageId(messageId);
        Optional<ProtectedMessages.Opened> opened = ProtectedMessages.open(sa.crypto(), chain, ctx.decoder(), message);
        if (opened.isEmpty()) {
            sa.ivs().forget(messageId);
            return ExchangeResult.dropped(Drop.UNDECRYPTABLE, "Informational does not decrypt");
        }
        IsakmpMessage decoded = opened.get().message().message();
        List<Payload> payloads = decoded.payloads();
        if (payloads.size() < 2 || !(payloads.get(0).body() instanceof HashPayload hash)) {
            sa.ivs().forget(messageId);
            return ExchangeResult.dropped(Drop.BAD_HASH, "Informational without HASH(1)");
        }
        byte[] skeyidA = sa.keys().skeyidA();
        try {
            byte[] expected = QuickModeHashes.informational(sa.selection().prf(), skeyidA, messageId,
                    ProtectedMessages.afterHash(payloads));
            if (!QuickModeHashes.matches(expected, hash.hash().toByteArray())) {
                sa.ivs().forget(messageId);
                return ExchangeResult.dropped(Drop.BAD_HASH, "Informational HASH(1) does not verify");
            }
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyidA);
        }
        opened.get().decryption().commit();
        sa.ivs().forget(messageId); // one message per Informational exchange
        List<byte[]> replies = new ArrayList<>();
        List<IkeEvent> events = new ArrayList<>();
        for (NotificationPayload notify : decoded.all(NotificationPayload.class)) {
            handleNotify(sa, notify, replies, events);
        }
        for (DeletePayload delete : decoded.all(DeletePayload.class)) {
            handleDelete(sa, delete, events);
        }
        if (replies.isEmpty() && events.isEmpty()) {
            return ExchangeResult.dropped(Drop.NOTHING_TO_DO, "Informational changed nothing");
        }
        boolean ikeSaGone = events.stream().anyMatch(e -> e instanceof IkeEvent.IkeSaDeleted);
        return ikeSaGone ? ExchangeResult.failed(replies, events, "peer deleted the ISAKMP SA")
                : ExchangeResult.complete(replies, events, "Informational processed");
    }

    private void handleNotify(IkeSa sa, NotificationPayload notify, List<byte[]> replies, List<IkeEvent> events) {
        if (notify.notifyType().equals(NotifyType.R_U_THERE)) {
            if (!notify.spi().equals(sa.id().asSpi()) || notify.data().length() != 4) {
                return; // RFC 3706 §5.1: the SPI is the cookie pair of this SA, the data 4 bytes
            }
            int sequence = ByteBuffer.wrap(notify.data().toByteArray()).getInt();
            if (!sa.acceptDpdSequence(sequence)) {
                return;
            }
            replies.add(ProtectedMessages.informational(sa, ctx.newMessageId(), NotificationPayload.deadPeerDetection(
                    NotifyType.R_U_THERE_ACK, sa.id().initiatorCookie(), sa.id().responderCookie(), sequence)));
        } else if (notify.notifyType().equals(NotifyType.INITIAL_CONTACT)) {
            events.add(new IkeEvent.InitialContact(sa.id(), sa.peer().identity()));
        }
        // other status and error notifies carry nothing we act on; RFC 2408 §5.14 lets us log them
    }

    private void handleDelete(IkeSa sa, DeletePayload delete, List<IkeEvent> events) {
        if (delete.protocol().equals(ProtocolId.ISAKMP)) {
            if (delete.spis().stream().anyMatch(spi -> spi.equals(sa.id().asSpi()))) {
                for (ChildSa child : sa.removeAllChildren()) {
                    ctx.spis().release(child.inboundSpi());
                    events.add(new IkeEvent.ChildSaDeleted(sa.id(), child.inboundSpi(), child.outboundSpi(),
                            IkeEvent.Cause.PEER_DELETE));
                }
                events.add(new IkeEvent.IkeSaDeleted(sa.id(), IkeEvent.Cause.PEER_DELETE));
            }
            return;
        }
        if (!delete.protocol().equals(ProtocolId.IPSEC_ESP) || delete.spiSize() != 4) {
            return;
        }
        // The peer names the SPIs it chose (its inbound = our outbound); we accept either side.
        for (io.portcullis.ike.isakmp.Bytes spi : delete.spis()) {
            int value = ByteBuffer.wrap(spi.toByteArray()).getInt();
            sa.removeChildBySpi(value).ifPresent(child -> {
                ctx.spis().release(child.inboundSpi());
                events.add(new IkeEvent.ChildSaDeleted(sa.id(), child.inboundSpi(), child.outboundSpi(),
                        IkeEvent.Cause.PEER_DELETE));
            });
        }
    }
}

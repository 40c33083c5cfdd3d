package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DeletePayload;
import io.portcullis.ike.isakmp.Doi;
import io.portcullis.ike.isakmp.ProtocolId;
import java.util.ArrayList;
import java.util.List;

/**
 * Outbound DELETE (RFC 2408 §3.15, §4.8): one protected Informational listing the SPIs we chose
 * for our inbound IPsec SAs (the peer finds its outbound SAs by them), then one deleting the
 * ISAKMP SA by its cookies. After this the SA's keys are gone.
 */
final class Deletes {

    private Deletes() {
    }

    /**
     * DELETE for one IPsec SA pair (its hard lifetime ran out): one protected Informational naming the SPI
     * we chose; the ISAKMP SA stays.
     */
    static byte[] childSa(ResponderContext ctx, IkeSa sa, ChildSa child, List<IkeEvent> events, IkeEvent.Cause cause) {
        byte[] datagram = ProtectedMessages.informational(sa, ctx.newMessageId(), DeletePayload.of(ProtocolId.IPSEC_ESP,
                List.of(Bytes.ofUnsigned(child.inboundSpi() & 0xFFFF_FFFFL, 4))));
        ctx.spis().release(child.inboundSpi());
        events.add(new IkeEvent.ChildSaDeleted(sa.id(), child.inboundSpi(), child.outboundSpi(), cause));
        return datagram;
    }

    static List<byte[]> tearDown(ResponderContext ctx, IkeSa sa, List<IkeEvent> events, IkeEvent.Cause cause) {
        List<byte[]> datagrams = new ArrayList<>();
        List<ChildSa> children = sa.removeAllChildren();
        if (!children.isEmpty()) {
            List<Bytes> spis = children.stream().map(c -> Bytes.ofUnsigned(c.inboundSpi() & 0xFFFF_FFFFL, 4)).toList();
            datagrams.add(ProtectedMessages.informational(sa, ctx.newMessageId(), DeletePayload.of(ProtocolId.IPSEC_ESP, spis)));
            for (ChildSa child : children) {
                ctx.spis().release(child.inboundSpi());
                events.add(new IkeEvent.ChildSaDeleted(sa.id(), child.inboundSpi(), child.outboundSpi(), cause));
            }
        }
        datagrams.add(ProtectedMessages.informational(sa, ctx.newMessageId(),
                new DeletePayload(Doi.IPSEC, ProtocolId.ISAKMP, 16, List.of(sa.id().asSpi()))));
        events.add(new IkeEvent.IkeSaDeleted(sa.id(), cause));
        sa.abandonExchanges();
        sa.destroy();
        return datagrams;
    }
}

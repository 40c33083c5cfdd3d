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
 * ISAKMP SA by its cookies; and the bookkeeping of pairs that are gone however they went (their SPI
 * back to the allocator, one event each). Wiping the ISAKMP SA itself is {@link SaTeardown}'s.
 */
final class Deletes {

    private Deletes() {
    }

    /**
     * DELETE for one IPsec SA pair (its hard lifetime ran out): one protected Informational naming the SPI
     * we chose; the ISAKMP SA stays.
     */
    static byte[] childSa(ExchangeContext ctx, IkeSa sa, ChildSa child, List<IkeEvent> events, IkeEvent.Cause cause) {
        byte[] datagram = ProtectedMessages.informational(sa, sa.freshMessageId(ctx), DeletePayload.of(ProtocolId.IPSEC_ESP,
                List.of(Bytes.ofUnsigned(child.inboundSpi() & 0xFFFF_FFFFL, 4))));
        childGone(ctx, sa.id(), child, cause, events);
        return datagram;
    }

    /** A pair is gone (our DELETE, the peer's, an INITIAL-CONTACT): its SPI is free again, and the data plane is told. */
    static void childGone(ExchangeContext ctx, IkeSaId owner, ChildSa child, IkeEvent.Cause cause,
            List<IkeEvent> events) {
        ctx.spis().release(child.inboundSpi());
        events.add(new IkeEvent.ChildSaDeleted(owner, child.inboundSpi(), child.outboundSpi(), cause));
    }

    /** Every pair of the SA is gone, and then the ISAKMP SA (no DELETE sent: the peer ended it or forgot it). */
    static void allGone(ExchangeContext ctx, IkeSa sa, IkeEvent.Cause cause, List<IkeEvent> events) {
        for (ChildSa child : sa.removeAllChildren()) {
            childGone(ctx, sa.id(), child, cause, events);
        }
        events.add(new IkeEvent.IkeSaDeleted(sa.id(), cause));
    }

    /** DELETE for every pair (one Informational) and then for the ISAKMP SA; the caller wipes the SA after. */
    static List<byte[]> tearDown(ExchangeContext ctx, IkeSa sa, List<IkeEvent> events, IkeEvent.Cause cause) {
        List<byte[]> datagrams = new ArrayList<>();
        List<ChildSa> children = sa.removeAllChildren();
        if (!children.isEmpty()) {
            List<Bytes> spis = children.stream().map(c -> Bytes.ofUnsigned(c.inboundSpi() & 0xFFFF_FFFFL, 4)).toList();
            datagrams.add(ProtectedMessages.informational(sa, sa.freshMessageId(ctx), DeletePayload.of(ProtocolId.IPSEC_ESP, spis)));
            for (ChildSa child : children) {
                childGone(ctx, sa.id(), child, cause, events);
            }
        }
        datagrams.add(ProtectedMessages.informational(sa, sa.freshMessageId(ctx),
                new DeletePayload(Doi.IPSEC, ProtocolId.ISAKMP, 16, List.of(sa.id().asSpi()))));
        events.add(new IkeEvent.IkeSaDeleted(sa.id(), cause));
        return datagrams;
    }
}

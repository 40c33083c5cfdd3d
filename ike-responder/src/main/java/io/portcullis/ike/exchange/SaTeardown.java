package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The one way an established IKE SA leaves a shard, whoever ends it (operator, revocation, lifetime, dead
 * peer, the peer's DELETE, INITIAL-CONTACT): the exchanges in progress under it give back their SPIs, its
 * keys are wiped, the table and the retransmission cache forget it. Not thread-safe: the shard's lock.
 */
final class SaTeardown {

    private final ExchangeContext ctx;
    private final IkeSaTable table;
    private final RetransmissionCache cache;

    SaTeardown(ExchangeContext ctx, IkeSaTable table, RetransmissionCache cache) {
        this.ctx = ctx;
        this.table = table;
        this.cache = cache;
    }

    /** We end it: DELETE for its pairs and the ISAKMP SA, sent from where the peer talks to us now. */
    List<Datagram> withDeletes(IkeSa sa, IkeEvent.Cause cause, List<IkeEvent> events) {
        InetSocketAddress to = sa.peerAddress();
        InetSocketAddress from = sa.localAddress();
        List<Datagram> out = Deletes.tearDown(ctx, sa, events, cause).stream()
                .map(d -> new Datagram(d, from, to)).toList();
        forget(sa.id());
        return out;
    }

    /** It ends without a word to the peer (an INITIAL-CONTACT: the peer has forgotten it already). */
    void silently(IkeSa sa, IkeEvent.Cause cause, List<IkeEvent> events) {
        Deletes.allGone(ctx, sa, cause, events);
        forget(sa.id());
    }

    /** Its pairs are accounted for already (the peer's DELETE): only the SA's own state goes. */
    void forget(IkeSaId id) {
        table.established(id).ifPresent(sa -> {
            sa.abandonExchanges();
            sa.destroy();
        });
        table.removeEstablished(id);
        cache.forget(id);
    }
}

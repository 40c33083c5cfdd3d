package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.IdentificationPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a peer's new IKE SA does to its older ones in one shard: INITIAL-CONTACT (RFC 2407 §4.6.3.3: the peer
 * restarted, its older SAs are gone on its side) drops them; a re-authentication hands their IPsec SA pairs
 * over to the new IKE SA. Not thread-safe: the shard's lock.
 */
final class Reauthentication {

    private final ExchangeContext ctx;
    private final IkeSaTable table;
    private final SaTeardown teardown;

    Reauthentication(ExchangeContext ctx, IkeSaTable table, SaTeardown teardown) {
        this.ctx = ctx;
        this.table = table;
        this.teardown = teardown;
    }

    /** INITIAL-CONTACT received by another shard: drops this shard's older SAs of that peer. */
    List<IkeEvent> initialContact(IkeEvent.InitialContact contact) {
        List<IkeEvent> events = new ArrayList<>();
        dropOlderSas(contact, events);
        return events;
    }

    void dropOlderSas(IkeEvent.InitialContact contact, List<IkeEvent> events) {
        for (IkeSa older : table.allEstablished()) {
            if (!older.id().equals(contact.ikeSa()) && older.peer().identity().equals(contact.identity())) {
                teardown.silently(older, IkeEvent.Cause.INITIAL_CONTACT, events);
            }
        }
    }

    /** A pair on its way from an older IKE SA of a peer to the one its re-authentication established. */
    record Transfer(IkeSaId from, IkeSa.HandedOver handed) {
    }

    /**
     * Re-authentication, first half: every older IKE SA of this identity in this shard gives its IPsec SA pairs
     * away (they stay installed; RFC 2409 does not tie IPsec SAs to the ISAKMP SA that negotiated them). The
     * older ISAKMP SAs stay until the peer deletes them or they expire, then go without taking any pair along.
     */
    List<Transfer> handOverChildren(IkeSaId newer, IdentificationPayload identity) {
        List<Transfer> transfers = new ArrayList<>();
        for (IkeSa older : table.allEstablished()) {
            if (!older.id().equals(newer) && older.peer().identity().equals(identity)) {
                older.handOverChildren().forEach(h -> transfers.add(new Transfer(older.id(), h)));
            }
        }
        return transfers;
    }

    /**
     * Re-authentication, second half: the new IKE SA takes the pairs over. Should it be gone meanwhile (a DELETE
     * or INITIAL-CONTACT processed in between), the pairs go too: no ISAKMP SA is left to announce them with.
     */
    List<IkeEvent> takeOver(IkeSaId newer, List<Transfer> transfers) {
        List<IkeEvent> events = new ArrayList<>();
        Optional<IkeSa> sa = table.established(newer);
        for (Transfer transfer : transfers) {
            ChildSa child = transfer.handed().child();
            if (sa.isPresent()) {
                sa.get().takeOver(transfer.handed());
                events.add(new IkeEvent.ChildSaAdopted(newer, transfer.from(), child.inboundSpi(), child.outboundSpi(),
                        sa.get().peerAddress()));
            } else {
                Deletes.childGone(ctx, transfer.from(), child, IkeEvent.Cause.LOCAL_DELETE, events);
            }
        }
        return events;
    }
}

package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.Bytes;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Main Mode with the peer check deferred (as the gateway runs it): message 5 is answered only by
 * {@link IkeEngine#resume}; while the check runs the exchange is half-open (it counts against
 * the limits and expires with them) and retransmissions of message 5 are dropped; once answered,
 * retransmissions get the stored message 6.
 */
class DeferredMainModeTest {

    private final IkeLimits limits = IkeLimits.defaults().withHalfOpen(10, 1);
    private final Gateway gateway = new Gateway(Gateway.everything(),
            new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), PreSharedKeys.none(), limits);
    private final IkeEngine responder = new IkeEngine(gateway.context, limits, 4, true);

    @Test
    void resumedCheckAnswersMessage6AndRetransmissionsGetTheStoredCopy() throws Exception {
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 41);
        Datagram five = toMessage5(initiator);
        IkeOutput deferred = responder.process(five);
        assertThat(deferred.datagrams()).isEmpty();
        assertThat(deferred.pending()).singleElement().satisfies(p -> assertThat(p.peerId()).isEqualTo(
                io.portcullis.ike.isakmp.IdentificationPayload.fqdn("peer.test")));

        assertThat(responder.process(five).datagrams()).as("message 5 again while the check runs").isEmpty();
        assertThat(responder.stats().drops(Drop.AUTHENTICATION_PENDING)).isEqualTo(1);

        PendingAuthentication pending = deferred.pending().get(0);
        IkeOutput six = responder.resume(pending, responder.authenticate(pending));
        initiator.receive6(six.datagrams());
        assertThat(six.events()).anyMatch(e -> e instanceof IkeEvent.IkeSaEstablished);
        assertThat(responder.ikeSas()).hasSize(1);
        assertThat(responder.halfOpenCount()).isZero();

        IkeOutput again = responder.process(five);
        assertThat(again.datagrams()).extracting(Datagram::data).containsExactlyElementsOf(
                six.datagrams().stream().map(Datagram::data).toList());
        assertThat(again.pending()).isEmpty();
        // A late second decision for the same exchange changes nothing.
        assertThat(responder.resume(pending, responder.authenticate(pending)).datagrams()).isEmpty();
    }

    @Test
    void pendingCheckHoldsItsHalfOpenSlotAndExpiresWithIt() throws Exception {
        IkeInitiator waiting = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 42);
        IkeOutput deferred = responder.process(toMessage5(waiting));
        assertThat(deferred.pending()).hasSize(1);

        // One half-open Main Mode per source address: the pending one still occupies it.
        IkeInitiator next = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 43);
        assertThat(responder.process(next.message1()).datagrams()).isEmpty();
        assertThat(responder.stats().drops(Drop.HALF_OPEN_LIMIT)).isEqualTo(1);

        // The check outlives the half-open timeout: the exchange is gone, its late answer is not sent.
        gateway.clock.advance(Duration.ofSeconds(31));
        responder.expire();
        PendingAuthentication pending = deferred.pending().get(0);
        assertThat(responder.resume(pending, responder.authenticate(pending)).datagrams()).isEmpty();
        assertThat(responder.ikeSas()).isEmpty();
        assertThat(responder.halfOpenCount()).isZero();
        assertThat(responder.process(next.message1()).datagrams()).as("the slot is free again").hasSize(1);
    }

    @Test
    void abandonedCheckFreesTheSlotAndCountsTheOverload() throws Exception {
        IkeOutput deferred = responder.process(toMessage5(new IkeInitiator(InitiatorSuite.strongSwanDefault(), 44)));
        responder.abandon(deferred.pending().get(0));
        assertThat(responder.halfOpenCount()).isZero();
        assertThat(responder.stats().drops(Drop.AUTHENTICATION_OVERLOAD)).isEqualTo(1);
        IkeInitiator other = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 45);
        assertThat(responder.process(other.message1()).datagrams()).hasSize(1);
    }

    @Test
    void shardsShareTheLimitsAndEveryMessageOfAnIkeSaReachesItsShard() throws Exception {
        // Many IKE SAs over four shards from distinct addresses: all establish, the listing sees all.
        for (int i = 0; i < 12; i++) {
            IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 100 + i)
                    .from(new InetSocketAddress(io.portcullis.ike.harness.ChildProposal.address("192.0.2." + (10 + i)), 500));
            IkeOutput deferred = responder.process(toMessage5(initiator));
            PendingAuthentication pending = deferred.pending().get(0);
            initiator.receive6(responder.resume(pending, responder.authenticate(pending)).datagrams());
        }
        assertThat(responder.ikeSas()).hasSize(12);
        // The overall half-open bound (10) holds across shards.
        for (int i = 0; i < 11; i++) {
            IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 200 + i)
                    .from(new InetSocketAddress(io.portcullis.ike.harness.ChildProposal.address("192.0.2." + (50 + i)), 500));
            responder.process(initiator.message1());
        }
        assertThat(responder.halfOpenCount()).isEqualTo(10);
        assertThat(responder.stats().drops(Drop.HALF_OPEN_LIMIT)).isEqualTo(1);
    }

    @Test
    void initialContactDropsThePeersOlderSasInEveryShard() throws Exception {
        IkeInitiator old = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 300);
        int oldShard = responder.shardOf(old.message1().data());
        long seed = 301;
        while (responder.shardOf(new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed).message1().data()) == oldShard) {
            seed++;
        }
        establish(old);
        IkeSaId oldId = responder.ikeSas().get(0).id();
        IkeInitiator rebooted = new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed)
                .from(new InetSocketAddress(io.portcullis.ike.harness.ChildProposal.address("192.0.2.77"), 500));
        establish(rebooted);
        IkeSaId newId = responder.ikeSas().stream().map(IkeSaView::id).filter(id -> !id.equals(oldId)).findFirst().orElseThrow();
        IkeOutput out = responder.process(rebooted.informational(0x777, io.portcullis.ike.isakmp.NotificationPayload.of(
                io.portcullis.ike.isakmp.NotifyType.INITIAL_CONTACT, io.portcullis.ike.isakmp.ProtocolId.ISAKMP, newId.asSpi(),
                Bytes.EMPTY)));
        assertThat(out.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(IkeEvent.IkeSaDeleted.class,
                d -> assertThat(d.ikeSa()).isEqualTo(oldId)));
        assertThat(responder.ikeSas()).extracting(IkeSaView::id).containsExactly(newId);
    }

    private void establish(IkeInitiator initiator) throws Exception {
        IkeOutput deferred = responder.process(toMessage5(initiator));
        PendingAuthentication pending = deferred.pending().get(0);
        initiator.receive6(responder.resume(pending, responder.authenticate(pending)).datagrams());
    }

    private Datagram toMessage5(IkeInitiator initiator) throws Exception {
        initiator.receive2(only(responder.process(initiator.message1())));
        initiator.receive4(only(responder.process(initiator.message3())));
        return initiator.message5();
    }

    private static Datagram only(IkeOutput output) {
        assertThat(output.datagrams()).hasSize(1);
        return output.datagrams().get(0);
    }
}

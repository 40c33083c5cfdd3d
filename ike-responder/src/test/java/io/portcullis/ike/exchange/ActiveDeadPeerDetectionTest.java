package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.ProtocolId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 3706 with the gateway probing: a peer that announced DPD and fell silent gets R-U-THEREs with
 * incrementing sequence numbers and is declared dead (SAs deleted, DELETE sent) when none is answered for
 * the timeout. Only an authenticated R-U-THERE-ACK naming an unanswered sequence number, or other traffic,
 * counts as an answer; hostile ACKs are dropped and counted.
 */
class ActiveDeadPeerDetectionTest {

    private static final DpdPolicy POLICY = new DpdPolicy(Duration.ofSeconds(30), Duration.ofSeconds(150));

    private final Gateway gateway = new Gateway();
    private final IkeInitiator peer = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 61);

    private void established(IkeInitiator initiator) {
        gateway.mainMode(initiator);
        gateway.quickMode(new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x900));
    }

    private IkeOutput after(Duration silence) {
        gateway.clock.advance(silence);
        return gateway.responder.detectDeadPeers(POLICY);
    }

    /** Opens the gateway's R-U-THERE and returns its sequence number. */
    private int probe(IkeOutput output) {
        NotificationPayload notify = peer.openInformational(gateway.only(output)).first(NotificationPayload.class).orElseThrow();
        assertThat(notify.notifyType()).isEqualTo(NotifyType.R_U_THERE);
        assertThat(notify.spi()).isEqualTo(gateway.responder.ikeSas().get(0).id().asSpi());
        return ByteBuffer.wrap(notify.data().toByteArray()).getInt();
    }

    private NotificationPayload ack(int sequence) {
        IkeSaId id = gateway.responder.ikeSas().get(0).id();
        return NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE_ACK, id.initiatorCookie(), id.responderCookie(),
                sequence);
    }

    @Test
    void idlePeerIsProbedAfterTheDelayAndAnAckKeepsItAlive() {
        established(peer);
        assertThat(after(Duration.ofSeconds(29)).datagrams()).as("not idle long enough").isEmpty();
        int first = probe(after(Duration.ofSeconds(1)));
        assertThat(after(Duration.ofSeconds(10)).datagrams()).as("the next one only after another delay").isEmpty();
        IkeOutput acked = gateway.send(peer.informational(0x901, ack(first)));
        assertThat(acked.datagrams()).isEmpty();
        assertThat(after(Duration.ofSeconds(140)).events()).as("answered: alive").isEmpty();
        assertThat(gateway.responder.ikeSas()).hasSize(1);
    }

    @Test
    void unansweredProbesAreRepeatedWithIncrementingSequenceNumbersUntilThePeerIsDeclaredDead() {
        established(peer);
        int first = probe(after(Duration.ofSeconds(30)));
        int second = probe(after(Duration.ofSeconds(30)));
        int third = probe(after(Duration.ofSeconds(30)));
        assertThat(List.of(second - first, third - second)).containsOnly(1);
        probe(after(Duration.ofSeconds(30)));
        probe(after(Duration.ofSeconds(30)));
        assertThat(after(Duration.ofSeconds(29)).datagrams()).isEmpty();
        assertThat(gateway.responder.ikeSas()).hasSize(1);
        IkeOutput dead = after(Duration.ofSeconds(1)); // 150 s after the first unanswered R-U-THERE
        assertThat(dead.events()).hasAtLeastOneElementOfType(IkeEvent.ChildSaDeleted.class)
                .anySatisfy(e -> assertThat(e).isEqualTo(new IkeEvent.IkeSaDeleted(e.ikeSa(), IkeEvent.Cause.DEAD_PEER)));
        assertThat(dead.datagrams()).as("DELETE for the IPsec SA and the ISAKMP SA").hasSize(2);
        assertThat(gateway.responder.ikeSas()).isEmpty();
    }

    @Test
    void ackOfALaterProbeAnswersTheRoundAndAReplayedAckDoesNot() {
        established(peer);
        probe(after(Duration.ofSeconds(30)));
        int second = probe(after(Duration.ofSeconds(30)));
        assertThat(gateway.send(peer.informational(0x902, ack(second))).datagrams()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.DPD_SEQUENCE)).isZero();
        assertThat(gateway.send(peer.informational(0x903, ack(second))).datagrams()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.DPD_SEQUENCE)).as("the same ACK again").isEqualTo(1);
    }

    @Test
    void ackWithASequenceNumberNeverSentIsDroppedAndDoesNotCountAsLife() {
        established(peer);
        int first = probe(after(Duration.ofSeconds(30)));
        gateway.send(peer.informational(0x904, ack(first + 1)));
        gateway.send(peer.informational(0x905, ack(first - 1)));
        assertThat(gateway.responder.stats().drops(Drop.DPD_SEQUENCE)).isEqualTo(2);
        for (int i = 0; i < 4; i++) {
            probe(after(Duration.ofSeconds(30)));
        }
        assertThat(after(Duration.ofSeconds(30)).events()).as("still dead").anySatisfy(
                e -> assertThat(e).isInstanceOf(IkeEvent.IkeSaDeleted.class));
    }

    @Test
    void ackBeforeAnyProbeIsDropped() {
        established(peer);
        gateway.send(peer.informational(0x906, ack(12345)));
        assertThat(gateway.responder.stats().drops(Drop.DPD_SEQUENCE)).isEqualTo(1);
    }

    @Test
    void hostileAcksAreDroppedAndCountedNeverThrown() {
        established(peer);
        int first = probe(after(Duration.ofSeconds(30)));
        IkeSaId id = gateway.responder.ikeSas().get(0).id();
        // wrong SPI (other cookies), wrong data length
        gateway.send(peer.informational(0x907, NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE_ACK,
                id.initiatorCookie() + 1, id.responderCookie(), first)));
        gateway.send(peer.informational(0x908, NotificationPayload.of(NotifyType.R_U_THERE_ACK, ProtocolId.ISAKMP,
                id.asSpi(), Bytes.fromHex("0001"))));
        assertThat(gateway.responder.stats().drops(Drop.MALFORMED)).isEqualTo(2);
        // a wrong hash, and a truncated datagram
        byte[] tampered = peer.informational(0x909, ack(first)).data();
        tampered[tampered.length - 20] ^= 0x10;
        gateway.send(new Datagram(tampered, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        byte[] whole = peer.informational(0x90a, ack(first)).data();
        gateway.send(new Datagram(Arrays.copyOf(whole, 30), IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        assertThat(gateway.responder.stats().drops(Drop.BAD_HASH) + gateway.responder.stats().drops(Drop.UNDECRYPTABLE))
                .isEqualTo(1);
        assertThat(gateway.responder.stats().drops(Drop.MALFORMED)).isEqualTo(3);
        // none of these answered the probe: the genuine ACK still does
        gateway.send(peer.informational(0x90b, ack(first)));
        assertThat(gateway.responder.stats().drops(Drop.DPD_SEQUENCE)).isZero();
        assertThat(after(Duration.ofSeconds(150)).events()).isEmpty();
    }

    @Test
    void espFromThePeerAnswersTheProbeToo() {
        established(peer);
        probe(after(Duration.ofSeconds(30)));
        gateway.clock.advance(Duration.ofSeconds(10));
        gateway.responder.heardFrom(List.of(gateway.responder.ikeSas().get(0).id()));
        assertThat(after(Duration.ofSeconds(25)).datagrams()).as("heard 25 s ago: not idle for the delay").isEmpty();
        assertThat(after(Duration.ofSeconds(130)).events()).as("idle again: probed, not dead yet").isEmpty();
    }

    @Test
    void peerThatDidNotAnnounceDpdIsNeverProbed() {
        IkeInitiator quiet = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 62).withoutDpd();
        established(quiet);
        assertThat(after(Duration.ofHours(1)).datagrams()).isEmpty();
        assertThat(gateway.responder.ikeSas()).hasSize(1);
    }

    @Test
    void replayedRuThereOfThePeerIsDroppedAsReplayedNotTakenAsLife() {
        established(peer);
        IkeSaId id = gateway.responder.ikeSas().get(0).id();
        NotificationPayload ruThere = NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE, id.initiatorCookie(),
                id.responderCookie(), 5);
        Datagram probeFromPeer = peer.informational(0x90c, ruThere);
        gateway.send(probeFromPeer);
        probe(after(Duration.ofSeconds(30)));
        gateway.send(peer.informational(0x90d, ruThere)); // sequence 5 again: a replay
        assertThat(gateway.responder.stats().drops(Drop.REPLAYED)).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            probe(after(Duration.ofSeconds(30)));
        }
        assertThat(after(Duration.ofSeconds(30)).events()).anySatisfy(e -> assertThat(e).isInstanceOf(IkeEvent.IkeSaDeleted.class));
    }
}

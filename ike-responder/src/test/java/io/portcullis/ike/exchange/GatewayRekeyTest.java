package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.SaDatabase;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.harness.QuickModePeerResponder;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DeletePayload;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway as Quick Mode initiator: at its own (jittered) soft lifetime it rekeys a pair the peer set
 * up, proposing what was negotiated, and installs the new pair beside the old one, which ends at its hard
 * lifetime with a DELETE. The peer side is the harness's {@link QuickModePeerResponder}.
 */
class GatewayRekeyTest {

    private static final long HARD_SECONDS = 1000;

    private final Gateway gateway = new Gateway();
    private final IkeInitiator peer = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 41);
    private QuickModeInitiator firstQuickMode;
    private Instant start;

    /** Main Mode and the peer's Quick Mode; returns the first pair as the gateway installed it. */
    private ChildSaEstablished established(ChildProposal child) {
        gateway.mainMode(peer);
        start = gateway.clock.instant();
        firstQuickMode = new QuickModeInitiator(peer, child, 0x700);
        return (ChildSaEstablished) gateway.quickMode(firstQuickMode).events().get(0);
    }

    private static ChildProposal withPfs() {
        return Gateway.defaultChild().withLifetime(HARD_SECONDS);
    }

    private ChildSa onlyChild() {
        return gateway.responder.ikeSas().get(0).children().get(0);
    }

    /** Moves the clock to the pair's rekey time and returns the gateway's message 1. */
    private Datagram rekeyStarts() {
        Instant rekeyAt = onlyChild().rekeyAt().orElseThrow();
        gateway.clock.advance(Duration.between(gateway.clock.instant(), rekeyAt).minusMillis(1));
        assertThat(gateway.responder.rekeyDue().datagrams()).as("not before the soft lifetime").isEmpty();
        gateway.clock.advance(Duration.ofMillis(1));
        IkeOutput out = gateway.responder.rekeyDue();
        assertThat(out.events()).singleElement().isInstanceOf(IkeEvent.RekeyStarted.class);
        return gateway.only(out);
    }

    @Test
    void softLifetimeIsDrawnBetween80And90PercentOfTheHardOne() {
        established(withPfs());
        Duration soft = Duration.between(start, onlyChild().rekeyAt().orElseThrow());
        assertThat(soft).isBetween(Duration.ofSeconds(800), Duration.ofSeconds(900));
        assertThat(onlyChild().expires()).isEqualTo(start.plusSeconds(HARD_SECONDS));
    }

    @Test
    void gatewayRekeysWithTheNegotiatedProposalAndBothPairsOverlapUntilTheOldOneExpires() throws Exception {
        ChildSaEstablished old = established(withPfs());
        Datagram one = rekeyStarts();
        assertThat(one.destination()).isEqualTo(IkeInitiator.INITIATOR);
        assertThat(gateway.responder.rekeyDue().datagrams()).as("one rekey per pair").isEmpty();

        QuickModePeerResponder answer = new QuickModePeerResponder(peer, 0x0d000001);
        IsakmpMessage message1 = answer.receive1(one);
        var transform = answer.proposedTransform();
        assertThat(transform.attribute(IpsecAttributeType.GROUP_DESCRIPTION).orElseThrow().unsignedValue()).hasToString("14");
        assertThat(transform.attribute(IpsecAttributeType.ENCAPSULATION_MODE).orElseThrow().unsignedValue().intValue())
                .isEqualTo(EncapsulationMode.UDP_ENCAPSULATED_TUNNEL.value());
        assertThat(transform.attribute(IpsecAttributeType.SA_LIFE_DURATION).orElseThrow().longValue()).isEqualTo(HARD_SECONDS);
        assertThat(message1.first(KeyExchangePayload.class)).as("PFS as negotiated").isPresent();
        assertThat(answer.proposedIds()).as("IDci is now the gateway's side")
                .containsExactly(ChildProposal.subnet("198.51.100.0", 24), ChildProposal.subnet("203.0.113.0", 24));
        assertThat(answer.gatewaySpi()).isNotEqualTo(old.inboundSpi());

        IkeOutput three = gateway.send(answer.message2());
        answer.receive3(gateway.only(three));
        ChildSaEstablished fresh = (ChildSaEstablished) three.events().get(0);
        assertThat(fresh.inboundSpi()).isEqualTo(answer.gatewaySpi());
        assertThat(fresh.outboundSpi()).isEqualTo(answer.spi());
        assertThat(fresh.local()).isEqualTo(old.local());
        assertThat(fresh.remote()).isEqualTo(old.remote());
        int length = fresh.transform().keymatBytes();
        EspRoundTrip.bothDirections(fresh, answer.spi(), answer.inboundKeymat(length), answer.gatewaySpi(),
                answer.outboundKeymat(length), gateway.clock);

        // Overlap: the gateway sends on the new pair at once; the peer's traffic on the old one is still accepted.
        SaDatabase gatewaySas = new SaDatabase();
        EspRoundTrip.installGatewaySide(gatewaySas, old, gateway.clock);
        EspRoundTrip.installGatewaySide(gatewaySas, fresh, gateway.clock);
        SaDatabase peerSas = new SaDatabase();
        EspRoundTrip.installPeerSide(peerSas, old, firstQuickMode.initiatorSpi(), firstQuickMode.inboundKeymat(),
                firstQuickMode.responderSpi(), firstQuickMode.outboundKeymat(), gateway.clock);
        assertThat(EspRoundTrip.carry(EspRoundTrip.FROM_PEER, peerSas, gatewaySas).spi()).isEqualTo(old.inboundSpi());
        EspRoundTrip.installPeerSide(peerSas, fresh, answer.spi(), answer.inboundKeymat(length), answer.gatewaySpi(),
                answer.outboundKeymat(length), gateway.clock);
        assertThat(EspRoundTrip.carry(EspRoundTrip.TO_PEER, gatewaySas, peerSas).spi()).isEqualTo(fresh.outboundSpi());

        assertThat(gateway.responder.ikeSas().get(0).children()).hasSize(2);
        gateway.clock.advance(Duration.between(gateway.clock.instant(), start.plusSeconds(HARD_SECONDS)).minusSeconds(1));
        assertThat(gateway.responder.rekeyDue().datagrams()).as("the replaced pair is not rekeyed again").isEmpty();
        assertThat(gateway.responder.expire().events()).isEmpty();
        gateway.clock.advance(Duration.ofSeconds(1));
        IkeOutput expired = gateway.responder.expire();
        assertThat(expired.events()).containsExactly(new IkeEvent.ChildSaDeleted(old.ikeSa(), old.inboundSpi(),
                old.outboundSpi(), IkeEvent.Cause.EXPIRED));
        DeletePayload delete = peer.openInformational(gateway.only(expired)).first(DeletePayload.class).orElseThrow();
        assertThat(delete.spis()).containsExactly(Bytes.ofUnsigned(old.inboundSpi() & 0xFFFF_FFFFL, 4));
        assertThat(gateway.responder.ikeSas().get(0).children()).singleElement()
                .satisfies(c -> assertThat(c.inboundSpi()).isEqualTo(fresh.inboundSpi()));
    }

    @Test
    void withoutPfsTheRekeyCarriesNoKeyExchangeAndStillCompletes() throws Exception {
        established(ChildProposal.of(EspTransform.aesGcm16(256), 0).withLifetime(HARD_SECONDS));
        QuickModePeerResponder answer = new QuickModePeerResponder(peer, 0x0d000002);
        IsakmpMessage message1 = answer.receive1(rekeyStarts());
        assertThat(message1.first(KeyExchangePayload.class)).isEmpty();
        assertThat(answer.proposedTransform().attribute(IpsecAttributeType.GROUP_DESCRIPTION)).isEmpty();
        IkeOutput three = gateway.send(answer.message2());
        answer.receive3(gateway.only(three));
        ChildSaEstablished fresh = (ChildSaEstablished) three.events().get(0);
        assertThat(fresh.transform()).isEqualTo(EspTransform.aesGcm16(256));
        int length = fresh.transform().keymatBytes();
        EspRoundTrip.bothDirections(fresh, answer.spi(), answer.inboundKeymat(length), answer.gatewaySpi(),
                answer.outboundKeymat(length), gateway.clock);
    }

    @Test
    void peerRekeyingFirstMeansTheGatewayDoesNotInitiate() {
        established(withPfs());
        gateway.clock.advance(Duration.ofSeconds(700));
        gateway.quickMode(new QuickModeInitiator(peer, withPfs(), 0x701)); // the peer's rekey, before our soft time
        gateway.clock.advance(Duration.ofSeconds(200));
        assertThat(gateway.responder.rekeyDue().datagrams()).as("the old pair is replaced already").isEmpty();
        assertThat(gateway.responder.ikeSas().get(0).children()).hasSize(2);
    }

    @Test
    void peersQuickModeInProgressForTheSameSelectorsHoldsOursBack() throws Exception {
        established(withPfs());
        gateway.clock.advance(Duration.ofSeconds(900));
        QuickModeInitiator peersRekey = new QuickModeInitiator(peer, withPfs(), 0x702);
        peersRekey.receive2(gateway.only(gateway.send(peersRekey.message1()))); // message 3 not yet sent
        assertThat(gateway.responder.rekeyDue().datagrams()).isEmpty();
        gateway.send(peersRekey.message3());
        assertThat(gateway.responder.rekeyDue().datagrams()).isEmpty();
    }

    @Test
    void softKilobyteLimitFromTheDataPlaneStartsExactlyOneRekey() {
        ChildSaEstablished old = established(withPfs());
        IkeOutput first = gateway.responder.rekeyChildSa(old.inboundSpi());
        assertThat(first.datagrams()).hasSize(1);
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(IkeEvent.RekeyStarted.class,
                e -> assertThat(e.replacedInboundSpi()).isEqualTo(old.inboundSpi()));
        assertThat(gateway.responder.rekeyChildSa(old.inboundSpi())).isEqualTo(IkeOutput.NOTHING);
        assertThat(gateway.responder.rekeyChildSa(0x12345678)).isEqualTo(IkeOutput.NOTHING);
    }

    @Test
    void responderLifetimeShortensTheNewPair() {
        established(withPfs());
        QuickModePeerResponder answer = new QuickModePeerResponder(peer, 0x0d000003);
        answer.receive1(rekeyStarts());
        IkeOutput three = gateway.send(answer.message2(rest -> {
            List<Payload> more = new ArrayList<>(rest);
            more.add(answer.responderLifetime(300));
            return more;
        }));
        ChildSaEstablished fresh = (ChildSaEstablished) three.events().get(0);
        assertThat(fresh.lifetime().hardTime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(fresh.lifetime().softTime()).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(270));
    }

    @Test
    void retransmittedReplyIsAnsweredWithTheSameMessageThree() {
        established(withPfs());
        QuickModePeerResponder answer = new QuickModePeerResponder(peer, 0x0d000004);
        answer.receive1(rekeyStarts());
        Datagram two = answer.message2();
        Datagram three = gateway.only(gateway.send(two));
        IkeOutput again = gateway.send(two);
        assertThat(again.events()).as("installed once").isEmpty();
        assertThat(gateway.only(again).data()).isEqualTo(three.data());
        assertThat(gateway.responder.stats().retransmissions()).isEqualTo(1);
    }

    @Test
    void newPairIsItselfRekeyedAtItsOwnSoftLifetime() {
        established(withPfs());
        QuickModePeerResponder answer = new QuickModePeerResponder(peer, 0x0d000005);
        answer.receive1(rekeyStarts());
        ChildSaEstablished fresh = (ChildSaEstablished) gateway.send(answer.message2()).events().get(0);
        gateway.clock.advance(Duration.ofSeconds(950)); // past the new pair's soft limit; the old pair expires meanwhile
        gateway.responder.expire();
        IkeOutput next = gateway.responder.rekeyDue();
        assertThat(next.events()).singleElement().isInstanceOfSatisfying(IkeEvent.RekeyStarted.class,
                e -> assertThat(e.replacedInboundSpi()).isEqualTo(fresh.inboundSpi()));
    }
}

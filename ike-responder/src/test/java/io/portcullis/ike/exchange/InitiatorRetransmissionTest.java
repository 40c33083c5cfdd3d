package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Main Mode we start resends its last message on strongSwan's schedule (4 s, each wait ×1.8, five
 * retransmissions, then it gives up at 165.06 s), always the stored bytes; a repeated reply is ignored.
 */
class InitiatorRetransmissionTest {

    private final TwoEngines engines = new TwoEngines();

    /** Seconds after message 1 at which each retransmission is due: 4, +7.2, +12.96, +23.328, +41.9904. */
    private static final double[] RESENDS = {4, 11.2, 24.16, 47.488, 89.4784};
    private static final double GIVE_UP = 165.06112;

    @Test
    void anUnansweredMessage1IsSentAgainOnStrongSwansScheduleThenGivenUpWithAnEvent() {
        byte[] message1 = engines.start(TwoEngines.initiation()).get(0).data(); // lost
        double at = 0;
        for (double due : RESENDS) {
            advance(due - 0.001 - at);
            assertThat(engines.initiator.retransmitDue().datagrams()).as("before %s s", due).isEmpty();
            advance(0.001);
            at = due;
            List<Datagram> again = engines.initiator.retransmitDue().datagrams();
            assertThat(again).as("at %s s", due).hasSize(1);
            assertThat(again.get(0).data()).isEqualTo(message1);
            assertThat(again.get(0).destination()).isEqualTo(TwoEngines.THEM);
        }
        advance(GIVE_UP - 0.001 - at);
        assertThat(engines.initiator.retransmitDue().datagrams()).isEmpty();
        assertThat(engines.initiator.initiatingCount()).isEqualTo(1);
        advance(0.001);

        IkeOutput gaveUp = engines.initiator.retransmitDue();

        assertThat(gaveUp.datagrams()).isEmpty();
        assertThat(gaveUp.events()).singleElement().isInstanceOf(IkeEvent.InitiationFailed.class);
        assertThat(engines.initiator.initiatingCount()).isZero();
        advance(1000);
        assertThat(engines.initiator.retransmitDue().events()).isEmpty();
    }

    @Test
    void aLostMessage2IsRecoveredByMessage1AgainWhichTheResponderAnswersFromItsCache() {
        Datagram message1 = engines.start(TwoEngines.initiation()).get(0);
        List<Datagram> lostMessage2 = engines.one(message1); // never reaches us
        advance(4);

        List<Datagram> again = engines.initiator.retransmitDue().datagrams();
        engines.deliver(again);

        assertThat(again.get(0).data()).isEqualTo(message1.data());
        assertThat(engines.responder.responder.stats().retransmissions()).isEqualTo(1);
        assertThat(engines.responder.responder.halfOpenCount()).isZero();
        ChildSaEstablished ours = engines.events(engines.initiatorEvents, ChildSaEstablished.class).get(0);
        assertThat(ours.ikeSa().responderCookie()).isEqualTo(header(lostMessage2.get(0)).responderCookie());
    }

    @Test
    void aLostMessage3IsSentAgainAsItWasAndTheExchangesComplete() {
        List<Datagram> lost = new ArrayList<>();
        engines.deliver(engines.start(TwoEngines.initiation()), d -> {
            boolean message3 = d.destination().equals(TwoEngines.THEM) && lost.isEmpty() && !isMessage1(d);
            if (message3) {
                lost.add(d);
            }
            return !message3;
        });
        assertThat(engines.events(engines.initiatorEvents, IkeEvent.IkeSaEstablished.class)).isEmpty();
        advance(4);

        List<Datagram> again = engines.initiator.retransmitDue().datagrams();

        assertThat(again).singleElement().satisfies(d -> assertThat(d.data()).isEqualTo(lost.get(0).data()));
        engines.deliver(again);
        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).hasSize(1);
        assertThat(engines.events(engines.responderEvents, ChildSaEstablished.class)).hasSize(1);
    }

    @Test
    void aLostMessage6IsAnsweredFromTheRespondersCacheWhenWeSendMessage5Again() {
        int[] toUs = {0};
        List<Datagram> sent = new ArrayList<>();
        engines.deliver(engines.start(TwoEngines.initiation()), d -> {
            if (d.destination().equals(TwoEngines.THEM)) {
                sent.add(d);
                return true;
            }
            return ++toUs[0] != 3; // message 6
        });
        assertThat(engines.events(engines.responderEvents, IkeEvent.IkeSaEstablished.class)).hasSize(1);
        assertThat(engines.events(engines.initiatorEvents, IkeEvent.IkeSaEstablished.class)).isEmpty();
        advance(4);

        List<Datagram> again = engines.initiator.retransmitDue().datagrams();

        assertThat(again).singleElement().satisfies(d -> assertThat(d.data()).isEqualTo(sent.get(2).data()));
        engines.deliver(again);
        assertThat(engines.events(engines.initiatorEvents, IkeEvent.IkeSaEstablished.class)).hasSize(1);
        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).hasSize(1);
        assertThat(engines.initiator.initiatingCount()).isZero();
    }

    @Test
    void aRepeatedMessage2IsIgnored() {
        Datagram message1 = engines.start(TwoEngines.initiation()).get(0);
        Datagram message2 = engines.one(message1).get(0);
        List<Datagram> message3 = engines.one(message2);
        assertThat(message3).hasSize(1);

        assertThat(engines.one(message2)).isEmpty();
        assertThat(engines.initiator.stats().drops(Drop.REPLAYED)).isEqualTo(1);

        engines.deliver(message3);
        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).hasSize(1);
    }

    @Test
    void givingUpWipesTheKeyMaterialOfTheHalfOpenSa() {
        InitiatedMainMode exchange = new InitiatedMainMode(engines.initiatorContext, TwoEngines.initiation(),
                RetransmissionTimer.Schedule.STRONGSWAN);
        Datagram message2 = engines.responder.only(engines.responder.send(
                new Datagram(exchange.lastSent().get(0), TwoEngines.US, TwoEngines.THEM)));
        ExchangeResult three = exchange.process(header(message2), message2.data(), message2.source(),
                message2.destination());
        Datagram message4 = engines.responder.only(engines.responder.send(
                new Datagram(three.replies().get(0), TwoEngines.US, TwoEngines.THEM)));
        exchange.process(header(message4), message4.data(), message4.source(), message4.destination());
        assertThat(exchange.mainMode().state()).isEqualTo(MainMode.State.AWAITING_AUTHENTICATION);
        assertThat(exchange.holdsKeyMaterial()).isTrue();

        Optional<ExchangeResult> last = Optional.empty();
        for (int second = 0; second < 200; second++) {
            advance(1);
            last = exchange.onTimer(engines.clock.instant()).filter(r -> r.status() == ExchangeResult.Status.FAILED);
            if (last.isPresent()) {
                break;
            }
        }

        assertThat(last).isPresent();
        assertThat(exchange.holdsKeyMaterial()).isFalse();
    }

    private void advance(double seconds) {
        engines.clock.advance(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    private static boolean isMessage1(Datagram d) {
        return header(d).responderCookie() == 0;
    }

    private static IsakmpHeader header(Datagram d) {
        try {
            return new IsakmpDecoder().decodeHeader(d.data());
        } catch (IsakmpDecodeException e) {
            throw new AssertionError(e);
        }
    }
}

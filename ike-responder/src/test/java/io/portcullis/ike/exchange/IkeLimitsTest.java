package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.TestPki;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeLimitsTest {

    private final Gateway gateway = new Gateway(Gateway.everything(),
            new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), PreSharedKeys.none(),
            IkeLimits.defaults().withHalfOpen(10, 4));

    private int startFrom(String address, int seed) {
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed)
                .from(new InetSocketAddress(ChildProposal.address(address), 500));
        return gateway.send(initiator.message1()).datagrams().size();
    }

    @Test
    void halfOpenFloodFromOneAddressIsCappedPerSource() {
        int answered = 0;
        for (int i = 0; i < 20; i++) {
            answered += startFrom("192.0.2.66", 100 + i);
        }
        assertThat(answered).isEqualTo(4);
        assertThat(gateway.responder.stats().drops(Drop.HALF_OPEN_LIMIT)).isEqualTo(16);
        assertThat(startFrom("192.0.2.1", 500)).as("other peers still get in").isEqualTo(1);
    }

    @Test
    void halfOpenFloodBeyondTheOverallLimitIsDropped() {
        int answered = 0;
        for (int i = 0; i < 30; i++) {
            answered += startFrom("192.0.2." + (100 + i), 200 + i);
        }
        assertThat(answered).isEqualTo(10);
        assertThat(gateway.responder.halfOpenCount()).isEqualTo(10);
    }

    @Test
    void halfOpenSasExpireByTheInjectedClock() {
        startFrom("192.0.2.70", 300);
        assertThat(gateway.responder.halfOpenCount()).isEqualTo(1);
        gateway.clock.advance(Duration.ofSeconds(31));
        gateway.responder.expire();
        assertThat(gateway.responder.halfOpenCount()).isZero();
    }

    @Test
    void expiredIkeSaIsDeletedWithADeleteNotification() {
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 301);
        gateway.mainMode(initiator);
        gateway.clock.advance(Duration.ofSeconds(10_801));
        IkeOutput out = gateway.responder.expire();
        assertThat(out.events()).singleElement().isInstanceOf(IkeEvent.IkeSaDeleted.class);
        assertThat(out.datagrams()).hasSize(1);
        assertThat(gateway.responder.ikeSas()).isEmpty();
    }
}

package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.isakmp.IdentificationPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two production engines, one initiating and one responding, complete Main Mode and Quick Mode through their
 * public entry points only ({@link IkeEngine#initiate}, {@link IkeEngine#process}).
 */
class EngineToEngineTest {

    private final TwoEngines engines = new TwoEngines();

    @Test
    void anEngineThatInitiatesAndOneThatRespondsEndWithCrossedIpsecKeys() {
        engines.deliver(engines.start(TwoEngines.initiation()));

        IkeEvent.IkeSaEstablished ours = single(engines.events(engines.initiatorEvents, IkeEvent.IkeSaEstablished.class));
        IkeEvent.IkeSaEstablished theirs = single(engines.events(engines.responderEvents, IkeEvent.IkeSaEstablished.class));
        assertThat(ours.ikeSa()).isEqualTo(theirs.ikeSa());
        assertThat(ours.peer().identity()).isEqualTo(IdentificationPayload.fqdn("gw.test"));
        assertThat(theirs.peer().identity()).isEqualTo(IdentificationPayload.fqdn("peer.test"));

        ChildSaEstablished a = single(engines.events(engines.initiatorEvents, ChildSaEstablished.class));
        ChildSaEstablished b = single(engines.events(engines.responderEvents, ChildSaEstablished.class));
        assertThat(a.inboundSpi()).isEqualTo(b.outboundSpi());
        assertThat(a.outboundSpi()).isEqualTo(b.inboundSpi());
        assertThat(a.keys().inbound().keymat()).isEqualTo(b.keys().outbound().keymat());
        assertThat(a.keys().outbound().keymat()).isEqualTo(b.keys().inbound().keymat());
        assertThat(a.keys().inbound().keymat()).isNotEqualTo(a.keys().outbound().keymat());
        assertThat(a.transform()).isEqualTo(b.transform());
        assertThat(a.local()).isEqualTo(b.remote());
        assertThat(a.remote()).isEqualTo(b.local());
        assertThat(engines.initiator.ikeSas()).hasSize(1);
        assertThat(engines.initiator.ikeSas().get(0).children()).hasSize(1);
    }

    @Test
    void anIkeSaAloneWhenNoChildIsAskedFor() {
        engines.deliver(engines.start(new Initiation(TwoEngines.THEM, TwoEngines.US, java.util.Optional.empty())));

        assertThat(engines.events(engines.initiatorEvents, IkeEvent.IkeSaEstablished.class)).hasSize(1);
        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).isEmpty();
        assertThat(engines.events(engines.responderEvents, ChildSaEstablished.class)).isEmpty();
    }

    @Test
    void aNewPairTheResponderRefusesIsReportedAsSuchAndTheIkeSaStays() {
        ChildRequest good = TwoEngines.child();
        ChildRequest refused = new ChildRequest(good.transform(), good.local(),
                io.portcullis.ike.esp.TrafficSelector.of("10.9.0.0/24"), good.mode(), good.pfsGroup(), good.lifetime());
        engines.deliver(engines.start(new Initiation(TwoEngines.THEM, TwoEngines.US, java.util.Optional.of(refused))));
        assertThat(engines.events(engines.initiatorEvents, IkeEvent.IkeSaEstablished.class)).hasSize(1);

        for (int second = 0; second < 200; second++) {
            engines.clock.advance(java.time.Duration.ofSeconds(1));
            IkeOutput out = engines.initiator.rekeyDue();
            engines.initiatorEvents.addAll(out.events());
            engines.deliver(out.datagrams());
        }

        IkeEvent.ChildSaNotEstablished failed = single(engines.events(engines.initiatorEvents,
                IkeEvent.ChildSaNotEstablished.class));
        assertThat(failed.remote()).isEqualTo(refused.remote());
        assertThat(engines.events(engines.initiatorEvents, IkeEvent.RekeyFailed.class)).isEmpty();
        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).isEmpty();
        assertThat(engines.initiator.ikeSas()).hasSize(1);
    }

    static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.DhGroups;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.testing.ManualClock;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.security.auth.x500.X500Principal;

/**
 * Two production engines wired to each other in process: {@code initiator} (peer.test, protecting
 * 203.0.113.0/24) starts, {@code responder} (gw.test, the usual test {@link Gateway}) answers. Datagrams travel
 * only through their public entry points; a test may drop, copy or alter them on the way.
 */
final class TwoEngines {

    static final InetSocketAddress US = IkeInitiator.INITIATOR;
    static final InetSocketAddress THEM = IkeInitiator.RESPONDER;

    final Gateway responder = new Gateway();
    final ManualClock clock = responder.clock;
    final ExchangeContext initiatorContext = ExchangeContext.of(
            GatewayPolicy.strongDefaults(List.of(IpPrefix.parse("203.0.113.0/24"))),
            new GatewayCredentials(TestPki.peerKey(), List.of(TestPki.peerCertificate(), TestPki.CA),
                    IdentificationPayload.fqdn("peer.test"),
                    List.of(new X500Principal(TestPki.CA.getSubjectX500Principal().getEncoded()))),
            new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), PreSharedKeys.none(),
            clock, new SecureRandom());
    final IkeEngine initiator = new IkeEngine(initiatorContext, IkeLimits.defaults());
    final List<IkeEvent> initiatorEvents = new ArrayList<>();
    final List<IkeEvent> responderEvents = new ArrayList<>();

    static ChildRequest child() {
        return new ChildRequest(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128),
                TrafficSelector.of("203.0.113.0/24"), TrafficSelector.of("198.51.100.0/24"), EncapsulationMode.TUNNEL,
                DhGroups.byId(14), LifetimeLimits.ofTime(Duration.ofMinutes(50), Duration.ofHours(1)));
    }

    static Initiation initiation() {
        return new Initiation(THEM, US, Optional.of(child()));
    }

    /** Starts the initiator; message 1, undelivered. */
    List<Datagram> start(Initiation initiation) {
        IkeOutput out = initiator.initiate(initiation);
        initiatorEvents.addAll(out.events());
        return out.datagrams();
    }

    /** Delivers datagrams (and whatever they cause) until none are left. */
    void deliver(List<Datagram> datagrams) {
        deliver(datagrams, d -> true);
    }

    /** As {@link #deliver(List)}, losing those that {@code arrives} refuses. */
    void deliver(List<Datagram> datagrams, Predicate<Datagram> arrives) {
        Deque<Datagram> queue = new ArrayDeque<>(datagrams);
        for (int hops = 0; !queue.isEmpty() && hops < 64; hops++) {
            Datagram next = queue.poll();
            if (arrives.test(next)) {
                queue.addAll(one(next));
            }
        }
    }

    /** One datagram to whichever engine it is addressed to; what that engine sends in return. */
    List<Datagram> one(Datagram datagram) {
        boolean toResponder = datagram.destination().equals(THEM);
        IkeOutput out = toResponder ? responder.send(datagram) : initiator.process(datagram);
        (toResponder ? responderEvents : initiatorEvents).addAll(out.events());
        return out.datagrams();
    }

    <T extends IkeEvent> List<T> events(List<IkeEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

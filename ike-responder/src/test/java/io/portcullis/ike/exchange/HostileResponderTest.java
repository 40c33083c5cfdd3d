package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hostile answers to a Main Mode our engine started, fed through its public entry points: a proposal we did
 * not offer, a HASH_R that does not verify, garbage, and replayed or misdirected copies of message 2. Nothing
 * of this may establish an IKE SA, crash, or make us answer unauthenticated input beyond RFC 2409's notifies.
 */
class HostileResponderTest {

    private final TwoEngines engines = new TwoEngines();

    @Test
    void aMessage2WithATransformWeDidNotOfferEndsTheExchangeWithNoProposalChosen() throws IsakmpDecodeException {
        Datagram message1 = engines.start(TwoEngines.initiation()).get(0);
        Datagram message2 = engines.one(message1).get(0);
        byte[] altered = ForgedMainModeReplies.withLifetime(new IsakmpDecoder().decode(message2.data()), 1234);

        IkeOutput out = engines.initiator.process(new Datagram(altered, message2.source(), message2.destination()));

        assertThat(out.events()).singleElement().isInstanceOfSatisfying(IkeEvent.ExchangeFailed.class,
                failed -> assertThat(failed.notifyType()).isEqualTo(NotifyType.NO_PROPOSAL_CHOSEN));
        assertThat(out.datagrams()).hasSize(1); // the notify
        assertThat(engines.initiator.initiatingCount()).isZero();
        // the genuine message 2, too late: the exchange is gone
        assertThat(engines.one(message2)).isEmpty();
        assertThat(engines.initiator.ikeSas()).isEmpty();
    }

    @Test
    void aHashRThatDoesNotVerifyEndsTheExchangeWithoutAnIkeSa() throws IsakmpDecodeException {
        Gateway pskGateway = new Gateway(Gateway.everything(), (c, id, now) -> {
            throw new AssertionError("no certificates with pre-shared keys");
        }, peer -> Optional.of(new PskPeer("secret".getBytes(), List.of(IpPrefix.parse("203.0.113.0/24")))),
                IkeLimits.defaults());
        IkeEngine us = new IkeEngine(pskInitiator("secret", pskGateway), IkeLimits.defaults());
        Datagram message1 = us.initiate(TwoEngines.initiation()).datagrams().get(0);
        MainMode them = MainMode.responder(pskGateway.context, header(message1).initiatorCookie(), TwoEngines.US,
                TwoEngines.THEM, false);

        Datagram message2 = answer(them, message1);
        Datagram message3 = single(us.process(message2));
        Datagram message4 = answer(them, message3);
        Datagram message5 = single(us.process(message4));
        them.auth = new LyingProof(them.auth); // HASH_R computed over another identity than the one sent
        Datagram message6 = answer(them, message5);

        IkeOutput out = us.process(message6);

        assertThat(out.events()).singleElement().isInstanceOfSatisfying(IkeEvent.ExchangeFailed.class,
                failed -> assertThat(failed.notifyType()).isEqualTo(NotifyType.AUTHENTICATION_FAILED));
        assertThat(us.ikeSas()).isEmpty();
        assertThat(us.initiatingCount()).isZero();
    }

    @Test
    void garbageUnderOurCookieIsDroppedAndTheExchangeStillCompletes() {
        Datagram message1 = engines.start(TwoEngines.initiation()).get(0);
        Datagram message2 = engines.one(message1).get(0);
        byte[] cookies = java.util.Arrays.copyOf(message2.data(), 16);
        SecureRandom random = new SecureRandom();
        for (int length : new int[] {0, 3, 16, 27, 28, 29, 60, 300}) {
            byte[] garbage = new byte[length];
            random.nextBytes(garbage);
            System.arraycopy(cookies, 0, garbage, 0, Math.min(length, 16));
            assertThat(engines.one(new Datagram(garbage, message2.source(), message2.destination()))).isEmpty();
        }
        byte[] truncated = java.util.Arrays.copyOf(message2.data(), message2.data().length - 7);
        assertThat(engines.one(new Datagram(truncated, message2.source(), message2.destination()))).isEmpty();

        engines.deliver(List.of(message2));

        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).hasSize(1);
        assertThat(engines.initiator.stats().drops(Drop.MALFORMED)).isPositive();
    }

    @Test
    void aMessage2ReplayedAfterTheIkeSaIsUpChangesNothing() {
        List<Datagram> toUs = new ArrayList<>();
        engines.deliver(engines.start(TwoEngines.initiation()), d -> {
            if (d.destination().equals(TwoEngines.US)) {
                toUs.add(d);
            }
            return true;
        });
        assertThat(engines.initiator.ikeSas()).hasSize(1);

        assertThat(engines.one(toUs.get(0))).isEmpty();

        assertThat(engines.initiator.ikeSas()).hasSize(1);
        assertThat(engines.initiator.ikeSas().get(0).children()).hasSize(1);
        assertThat(engines.initiator.initiatingCount()).isZero();
    }

    @Test
    void aMessage2FromAnotherAddressIsNotOurs() {
        Datagram message1 = engines.start(TwoEngines.initiation()).get(0);
        Datagram message2 = engines.one(message1).get(0);
        InetSocketAddress elsewhere = new InetSocketAddress("192.0.2.99", 500);

        assertThat(engines.one(new Datagram(message2.data(), elsewhere, message2.destination()))).isEmpty();
        assertThat(engines.initiator.stats().drops(Drop.UNKNOWN_COOKIES)).isEqualTo(1);

        engines.deliver(List.of(message2));
        assertThat(engines.events(engines.initiatorEvents, ChildSaEstablished.class)).hasSize(1);
    }

    @Test
    void aMessage2OfAnotherExchangeOfOursIsNotRoutedToThisOne() {
        Datagram first = engines.start(TwoEngines.initiation()).get(0);
        Datagram firstReply = engines.one(first).get(0);
        engines.deliver(List.of(firstReply));
        Datagram second = engines.start(TwoEngines.initiation()).get(0);
        assertThat(header(second).initiatorCookie()).isNotEqualTo(header(first).initiatorCookie());

        // the first exchange's message 2 again, now that a second one waits for its own
        assertThat(engines.one(firstReply)).isEmpty();

        assertThat(engines.initiator.initiatingCount()).isEqualTo(1);
        engines.deliver(List.of(second));
        assertThat(engines.initiator.ikeSas()).hasSize(2);
    }

    /** A responder's Phase1Auth that sends its own ID with the proof computed over another one. */
    private record LyingProof(Phase1Auth honest) implements Phase1Auth {
        @Override
        public List<Payload> proof(Phase1 phase1, IdentificationPayload ourId) {
            List<Payload> sent = honest.proof(phase1, ourId);
            List<Payload> other = honest.proof(phase1, IdentificationPayload.fqdn("someone-else.test"));
            List<Payload> lying = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                lying.add(sent.get(i).body() instanceof HashPayload ? other.get(i) : sent.get(i));
            }
            return lying;
        }

        @Override
        public io.portcullis.ike.keymat.Phase1Authentication skeyid() {
            return honest.skeyid();
        }

        @Override
        public List<Payload> keyExchangePayloads(Phase1 phase1, byte[] ourNonce, IdentificationPayload ourId) {
            return honest.keyExchangePayloads(phase1, ourNonce, ourId);
        }

        @Override
        public Optional<byte[]> peerNonce(Phase1 phase1, IsakmpMessage message) {
            return honest.peerNonce(phase1, message);
        }

        @Override
        public Optional<Claims> claims(IsakmpMessage message) {
            return honest.claims(message);
        }

        @Override
        public Refused missingClaims() {
            return honest.missingClaims();
        }

        @Override
        public boolean checksCertificates() {
            return honest.checksCertificates();
        }

        @Override
        public Outcome verify(Phase1 phase1, Claims claims, Optional<AuthDecision> certificateCheck) {
            return honest.verify(phase1, claims, certificateCheck);
        }
    }

    private static ExchangeContext pskInitiator(String key, Gateway clockOwner) {
        GatewayPolicy defaults = GatewayPolicy.strongDefaults(List.of(IpPrefix.parse("203.0.113.0/24")));
        GatewayPolicy pskOnly = defaults.withPhase1(defaults.phase1().withAlgorithms(defaults.phase1().ciphers(),
                defaults.phase1().prfs(), defaults.phase1().dhGroups(), Set.of(AuthenticationMethod.PRE_SHARED_KEY)));
        return ExchangeContext.of(pskOnly, null, (certificates, id, now) -> {
            throw new AssertionError("no certificates with pre-shared keys");
        }, peer -> Optional.of(new PskPeer(key.getBytes(), List.of(IpPrefix.parse("198.51.100.0/24")))),
                clockOwner.clock, new SecureRandom());
    }

    private static Datagram answer(MainMode responder, Datagram in) {
        ExchangeResult result = responder.process(header(in), in.data(), in.source(), in.destination());
        assertThat(result.replies()).as(result.detail()).hasSize(1);
        return in.reply(result.replies().get(0));
    }

    private static Datagram single(IkeOutput out) {
        assertThat(out.datagrams()).hasSize(1);
        return out.datagrams().get(0);
    }

    private static IsakmpHeader header(Datagram d) {
        try {
            return new IsakmpDecoder().decodeHeader(d.data());
        } catch (IsakmpDecodeException e) {
            throw new AssertionError(e);
        }
    }
}

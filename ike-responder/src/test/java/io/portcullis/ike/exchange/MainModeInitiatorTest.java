package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * The Main Mode initiator role against the production responder, in process: both ends run the same
 * {@link Phase1} code, each in its own role.
 */
class MainModeInitiatorTest {

    private static final InetSocketAddress US = IkeInitiator.INITIATOR;
    private static final InetSocketAddress THEM = IkeInitiator.RESPONDER;

    private final Gateway responder = new Gateway();
    private final ExchangeContext ours = ExchangeContext.of(GatewayPolicy.strongDefaults(Gateway.PROTECTED),
            new GatewayCredentials(TestPki.peerKey(), List.of(TestPki.peerCertificate(), TestPki.CA),
                    IdentificationPayload.fqdn("peer.test"),
                    List.of(new X500Principal(TestPki.CA.getSubjectX500Principal().getEncoded()))),
            new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), PreSharedKeys.none(),
            responder.clock, new SecureRandom());

    /** Sends what the initiator produced, feeds the responder's replies back; the initiator's last result. */
    private ExchangeResult run(MainMode initiator, List<IkeEvent> responderEvents) {
        List<byte[]> toSend = List.of(initiator.message1());
        ExchangeResult last = null;
        for (int step = 0; step < 3 && !toSend.isEmpty(); step++) {
            List<Datagram> replies = new ArrayList<>();
            for (byte[] bytes : toSend) {
                IkeOutput out = responder.send(new Datagram(bytes, US, THEM));
                replies.addAll(out.datagrams());
                responderEvents.addAll(out.events());
            }
            assertThat(replies).as("responder answer to step %d (%s)", step, responder.dropSummary()).hasSize(1);
            Datagram reply = replies.get(0);
            last = initiator.process(header(reply), reply.data(), reply.source(), reply.destination());
            toSend = last.replies();
        }
        return last;
    }

    private static io.portcullis.ike.isakmp.IsakmpHeader header(Datagram datagram) {
        try {
            return new IsakmpDecoder().decodeHeader(datagram.data());
        } catch (IsakmpDecodeException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void initiatorAndResponderEstablishTheSameIkeSaWithSignatures() {
        MainMode initiator = MainMode.initiator(ours, THEM, US);
        List<IkeEvent> responderEvents = new ArrayList<>();

        ExchangeResult result = run(initiator, responderEvents);

        assertThat(result.status()).isEqualTo(ExchangeResult.Status.COMPLETE);
        assertThat(initiator.state()).isEqualTo(MainMode.State.ESTABLISHED);
        IkeEvent.IkeSaEstablished ours = (IkeEvent.IkeSaEstablished) result.events().get(0);
        assertThat(ours.peer().identity()).isEqualTo(IdentificationPayload.fqdn("gw.test"));
        IkeEvent.IkeSaEstablished theirs = responderEvents.stream().filter(IkeEvent.IkeSaEstablished.class::isInstance)
                .map(IkeEvent.IkeSaEstablished.class::cast).findFirst().orElseThrow();
        assertThat(theirs.peer().identity()).isEqualTo(IdentificationPayload.fqdn("peer.test"));
        assertThat(theirs.ikeSa()).isEqualTo(ours.ikeSa());
    }

    @Test
    void bothEndsDeriveTheSameKeysSoTheResponderAnswersOurProtectedInformational() {
        MainMode initiator = MainMode.initiator(ours, THEM, US);
        run(initiator, new ArrayList<>());
        IkeSa sa = initiator.established().orElseThrow();

        // R-U-THERE under the new SA: the responder answers only if it decrypts and HASH(1) verifies.
        byte[] probe = ProtectedMessages.informational(sa, 0x1234, NotificationPayload.deadPeerDetection(
                NotifyType.R_U_THERE, sa.id().initiatorCookie(), sa.id().responderCookie(), 7));
        IkeOutput out = responder.send(new Datagram(probe, US, THEM));

        assertThat(out.datagrams()).as(responder.dropSummary()).hasSize(1);
    }

    @Test
    void aResponderThatChoosesATransformWeDidNotOfferIsRefused() throws IsakmpDecodeException {
        MainMode initiator = MainMode.initiator(ours, THEM, US);
        Datagram reply = responder.only(responder.send(new Datagram(initiator.message1(), US, THEM)));
        byte[] altered = ForgedMainModeReplies.withLifetime(new IsakmpDecoder().decode(reply.data()), 3600);

        ExchangeResult result = initiator.process(header(reply), altered, reply.source(), reply.destination());

        assertThat(result.status()).isEqualTo(ExchangeResult.Status.FAILED);
        assertThat(initiator.state()).isEqualTo(MainMode.State.FAILED);
        assertThat(result.events()).singleElement().isInstanceOfSatisfying(IkeEvent.ExchangeFailed.class,
                failed -> assertThat(failed.notifyType()).isEqualTo(NotifyType.NO_PROPOSAL_CHOSEN));
    }

    /** Our end with no certificate: pre-shared keys only, the key chosen by the responder's address. */
    private ExchangeContext preSharedKey(String key) {
        GatewayPolicy defaults = GatewayPolicy.strongDefaults(Gateway.PROTECTED);
        GatewayPolicy pskOnly = defaults.withPhase1(defaults.phase1().withAlgorithms(defaults.phase1().ciphers(),
                defaults.phase1().prfs(), defaults.phase1().dhGroups(), Set.of(AuthenticationMethod.PRE_SHARED_KEY)));
        return ExchangeContext.of(pskOnly, null, (certificates, id, now) -> {
            throw new AssertionError("no certificates with pre-shared keys");
        }, peer -> Optional.of(new PskPeer(key.getBytes(), List.of(IpPrefix.parse("198.51.100.0/24")))),
                responder.clock, new SecureRandom());
    }

    private Gateway pskResponder() {
        return new Gateway(Gateway.everything(), (c, id, now) -> {
            throw new AssertionError("no certificates with pre-shared keys");
        }, peer -> Optional.of(new PskPeer("secret".getBytes(), List.of(IpPrefix.parse("203.0.113.0/24")))),
                IkeLimits.defaults());
    }

    @Test
    void initiatorAndResponderEstablishWithAPreSharedKey() {
        Gateway psk = pskResponder();
        MainMode initiator = MainMode.initiator(preSharedKey("secret"), THEM, US);
        List<byte[]> toSend = List.of(initiator.message1());
        ExchangeResult last = null;
        for (int step = 0; step < 3; step++) {
            Datagram reply = psk.only(psk.send(new Datagram(toSend.get(0), US, THEM)));
            last = initiator.process(header(reply), reply.data(), reply.source(), reply.destination());
            toSend = last.replies();
        }

        assertThat(last.status()).isEqualTo(ExchangeResult.Status.COMPLETE);
        assertThat(initiator.established().orElseThrow().peer().identity())
                .isEqualTo(IdentificationPayload.fqdn("gw.test"));
        assertThat(psk.responder.ikeSas()).singleElement()
                .satisfies(view -> assertThat(view.id()).isEqualTo(initiator.id()));
    }

    @Test
    void aDifferentPreSharedKeyNeverEstablishes() {
        Gateway psk = pskResponder();
        MainMode initiator = MainMode.initiator(preSharedKey("not the secret"), THEM, US);
        Datagram two = psk.only(psk.send(new Datagram(initiator.message1(), US, THEM)));
        byte[] three = initiator.process(header(two), two.data(), two.source(), two.destination()).replies().get(0);
        Datagram four = psk.only(psk.send(new Datagram(three, US, THEM)));
        byte[] five = initiator.process(header(four), four.data(), four.source(), four.destination()).replies().get(0);

        // Another key, another SKEYID: the responder cannot even decrypt message 5, and says nothing.
        assertThat(psk.send(new Datagram(five, US, THEM)).datagrams()).isEmpty();
        assertThat(psk.responder.ikeSas()).isEmpty();
    }
}

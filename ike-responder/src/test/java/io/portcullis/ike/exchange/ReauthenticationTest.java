package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DeletePayload;
import io.portcullis.ike.isakmp.Doi;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProtocolId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer re-authenticates the way strongSwan's IKEv1 does: a new Main Mode (no INITIAL-CONTACT, it still holds
 * the old IKE SA), its IPsec SAs moved to the new IKE SA, then a DELETE for the old ISAKMP SA. The gateway's new
 * IKE SA adopts the pairs of the peer's older ones, so that DELETE (or the old SA's expiry) takes no pair along.
 */
class ReauthenticationTest {

    private final Gateway gateway = new Gateway();
    private final IkeInitiator first = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 61);

    private ChildSaEstablished pairOf(IkeInitiator peer, int messageId, ChildProposal proposal) {
        return (ChildSaEstablished) gateway.quickMode(new QuickModeInitiator(peer, proposal, messageId)).events().get(0);
    }

    private static IkeSaId established(IkeOutput output) {
        return output.events().stream().filter(IkeEvent.IkeSaEstablished.class::isInstance).findFirst()
                .map(IkeEvent::ikeSa).orElseThrow();
    }

    private IkeSaView view(IkeSaId id) {
        return gateway.responder.ikeSas().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private static DeletePayload isakmpDelete(IkeSaId id) {
        return new DeletePayload(Doi.IPSEC, ProtocolId.ISAKMP, 16, List.of(id.asSpi()));
    }

    @Test
    void newMainModeOfThePeerAdoptsItsPairsAndTheOldIsakmpDeleteTakesNoneAlong() {
        IkeSaId oldId = established(gateway.mainMode(first));
        ChildSaEstablished pair = pairOf(first, 0x610, Gateway.defaultChild());

        IkeInitiator again = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 62);
        IkeOutput six = gateway.mainMode(again);
        IkeSaId newId = established(six);
        assertThat(six.events()).contains(new IkeEvent.ChildSaAdopted(newId, oldId, pair.inboundSpi(), pair.outboundSpi(),
                IkeInitiator.INITIATOR));
        assertThat(view(newId).children()).extracting(ChildSa::inboundSpi).containsExactly(pair.inboundSpi());
        assertThat(view(oldId).children()).isEmpty();

        IkeOutput deleted = gateway.send(first.informational(0x611, isakmpDelete(oldId)));
        assertThat(deleted.events()).containsExactly(new IkeEvent.IkeSaDeleted(oldId, IkeEvent.Cause.PEER_DELETE));
        assertThat(gateway.responder.ikeSas()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(newId);
            assertThat(v.children()).extracting(ChildSa::inboundSpi).containsExactly(pair.inboundSpi());
        });

        // The pair is the new IKE SA's now: the peer deletes it there.
        IkeOutput gone = gateway.send(again.informational(0x621, DeletePayload.of(ProtocolId.IPSEC_ESP,
                List.of(Bytes.ofUnsigned(pair.outboundSpi() & 0xFFFF_FFFFL, 4)))));
        assertThat(gone.events()).containsExactly(new IkeEvent.ChildSaDeleted(newId, pair.inboundSpi(), pair.outboundSpi(),
                IkeEvent.Cause.PEER_DELETE));
    }

    @Test
    void initialContactInMessage5ReplacesTheOlderSasInsteadOfAdopting() throws Exception {
        IkeSaId oldId = established(gateway.mainMode(first));
        ChildSaEstablished pair = pairOf(first, 0x630, Gateway.defaultChild());

        IkeInitiator rebooted = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 63);
        rebooted.receive2(gateway.only(gateway.send(rebooted.message1())));
        rebooted.receive4(gateway.only(gateway.send(rebooted.message3())));
        IkeOutput six = gateway.send(rebooted.message5(payloads -> {
            List<Payload> with = new ArrayList<>(payloads);
            with.add(Payload.of(NotificationPayload.of(NotifyType.INITIAL_CONTACT, ProtocolId.ISAKMP,
                    Bytes.fromHex("00".repeat(16)), Bytes.EMPTY)));
            return with;
        }));
        assertThat(six.events()).noneMatch(IkeEvent.ChildSaAdopted.class::isInstance)
                .contains(new IkeEvent.ChildSaDeleted(oldId, pair.inboundSpi(), pair.outboundSpi(),
                        IkeEvent.Cause.INITIAL_CONTACT), new IkeEvent.IkeSaDeleted(oldId, IkeEvent.Cause.INITIAL_CONTACT));
        assertThat(gateway.responder.ikeSas()).singleElement().satisfies(v -> assertThat(v.children()).isEmpty());
    }

    @Test
    void anotherPeersMainModeTakesNoPairs() {
        IkeSaId firstId = established(gateway.mainMode(first));
        ChildSaEstablished pair = pairOf(first, 0x640, Gateway.defaultChild());

        IkeInitiator stranger = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 64)
                .withCertificate(TestPki.leaf("CN=branch2.test", "branch2.test", "192.0.2.9").issue())
                .withIdentity(IdentificationPayload.fqdn("branch2.test"))
                .from(new InetSocketAddress(ChildProposal.address("192.0.2.9"), 500));
        IkeOutput six = gateway.mainMode(stranger);
        assertThat(six.events()).hasAtLeastOneElementOfType(IkeEvent.IkeSaEstablished.class)
                .noneMatch(IkeEvent.ChildSaAdopted.class::isInstance);
        assertThat(view(firstId).children()).extracting(ChildSa::inboundSpi).containsExactly(pair.inboundSpi());
    }

    @Test
    void oldIsakmpSaThatExpiresAfterTheAdoptionDeletesOnlyItself() {
        InitiatorSuite tenMinutes = InitiatorSuite.strongSwanDefault();
        tenMinutes = new InitiatorSuite(tenMinutes.cipher(), tenMinutes.keyBits(), tenMinutes.prf(), tenMinutes.group(),
                tenMinutes.auth(), 600); // shorter than the pair's hour
        IkeInitiator shortLived = new IkeInitiator(tenMinutes, 67);
        IkeSaId oldId = established(gateway.mainMode(shortLived));
        ChildSaEstablished pair = pairOf(shortLived, 0x650, Gateway.defaultChild());
        gateway.clock.advance(Duration.ofSeconds(60));
        IkeSaId newId = established(gateway.mainMode(new IkeInitiator(InitiatorSuite.strongSwanDefault(), 65)));

        gateway.clock.advance(Duration.between(gateway.clock.instant(), view(oldId).expires()));
        IkeOutput expired = gateway.responder.expire();
        assertThat(expired.events()).containsExactly(new IkeEvent.IkeSaDeleted(oldId, IkeEvent.Cause.EXPIRED));
        assertThat(expired.datagrams()).singleElement().satisfies(d -> assertThat(shortLived.openInformational(d)
                .first(DeletePayload.class).orElseThrow().protocol()).isEqualTo(ProtocolId.ISAKMP));
        assertThat(view(newId).children()).extracting(ChildSa::inboundSpi).containsExactly(pair.inboundSpi());
    }

    @Test
    void rekeyTheGatewayStartedUnderTheOldSaIsAbandonedAndTheNewSaRekeysThePair() {
        IkeSaId oldId = established(gateway.mainMode(first));
        pairOf(first, 0x660, Gateway.defaultChild().withLifetime(1000));
        gateway.clock.advance(Duration.ofSeconds(901)); // past the soft lifetime (80-90 % of 1000 s)
        assertThat(gateway.responder.rekeyDue().events()).singleElement().satisfies(e -> assertThat(e.ikeSa()).isEqualTo(oldId));

        IkeSaId newId = established(gateway.mainMode(new IkeInitiator(InitiatorSuite.strongSwanDefault(), 66)));
        IkeOutput due = gateway.responder.rekeyDue();
        assertThat(due.events()).singleElement().isInstanceOfSatisfying(IkeEvent.RekeyStarted.class,
                e -> assertThat(e.ikeSa()).isEqualTo(newId));
        assertThat(gateway.only(due).destination()).isEqualTo(IkeInitiator.INITIATOR);
    }

    @Test
    void pairsInOtherShardsAreAdoptedToo() throws Exception {
        IkeLimits limits = IkeLimits.defaults();
        IkeEngine sharded = new IkeEngine(new Gateway(Gateway.everything(),
                new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), PreSharedKeys.none(), limits)
                .context, limits, 4, true);
        IkeInitiator old = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 400);
        long seed = 401;
        while (sharded.shardOf(new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed).message1().data())
                == sharded.shardOf(old.message1().data())) {
            seed++;
        }
        IkeSaId oldId = established(establish(sharded, old));
        QuickModeInitiator qm = new QuickModeInitiator(old, Gateway.defaultChild(), 0x670);
        qm.receive2(single(sharded.process(qm.message1())));
        ChildSaEstablished pair = (ChildSaEstablished) sharded.process(qm.message3()).events().get(0);

        IkeOutput six = establish(sharded, new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed));
        IkeSaId newId = established(six);
        assertThat(six.events()).contains(new IkeEvent.ChildSaAdopted(newId, oldId, pair.inboundSpi(), pair.outboundSpi(),
                IkeInitiator.INITIATOR));
        assertThat(sharded.ikeSas()).filteredOn(v -> v.id().equals(newId)).singleElement()
                .satisfies(v -> assertThat(v.children()).extracting(ChildSa::inboundSpi).containsExactly(pair.inboundSpi()));
    }

    private static IkeOutput establish(IkeEngine responder, IkeInitiator initiator) throws Exception {
        initiator.receive2(single(responder.process(initiator.message1())));
        initiator.receive4(single(responder.process(initiator.message3())));
        PendingAuthentication pending = responder.process(initiator.message5()).pending().get(0);
        IkeOutput six = responder.resume(pending, responder.authenticate(pending));
        initiator.receive6(six.datagrams());
        return six;
    }

    private static Datagram single(IkeOutput output) {
        assertThat(output.datagrams()).hasSize(1);
        return output.datagrams().get(0);
    }
}

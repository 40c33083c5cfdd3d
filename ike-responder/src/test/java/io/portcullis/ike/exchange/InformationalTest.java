package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DeletePayload;
import io.portcullis.ike.isakmp.Doi;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.ProtocolId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InformationalTest {

    private final Gateway gateway = new Gateway();
    private final IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 31);

    private long rcookie() {
        return gateway.responder.ikeSas().get(0).id().responderCookie();
    }

    private NotificationPayload dpd(int sequence) {
        return NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE, 0x1000_0000_0000_001FL, rcookie(), sequence);
    }

    @Test
    void rUThereIsAcknowledgedWithTheSameSequenceNumberAndReplaysAreDropped() {
        gateway.mainMode(initiator);
        IkeOutput out = gateway.send(initiator.informational(0x101, dpd(7)));
        NotificationPayload ack = initiator.openInformational(gateway.only(out)).first(NotificationPayload.class).orElseThrow();
        assertThat(ack.notifyType()).isEqualTo(NotifyType.R_U_THERE_ACK);
        assertThat(ack.data().toHex()).isEqualTo("00000007");
        assertThat(ack.spi()).isEqualTo(gateway.responder.ikeSas().get(0).id().asSpi());
        assertThat(gateway.send(initiator.informational(0x102, dpd(7))).datagrams()).isEmpty();
        assertThat(gateway.send(initiator.informational(0x103, dpd(8))).datagrams()).hasSize(1);
    }

    @Test
    void deleteOfTheIpsecSaIsReportedOnceAndRepeatedDeleteIsHarmless() {
        gateway.mainMode(initiator);
        QuickModeInitiator qm = new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x200);
        gateway.quickMode(qm);
        DeletePayload delete = DeletePayload.of(ProtocolId.IPSEC_ESP, List.of(Bytes.ofUnsigned(qm.initiatorSpi(), 4)));
        IkeOutput first = gateway.send(initiator.informational(0x201, delete));
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(IkeEvent.ChildSaDeleted.class,
                e -> assertThat(e.outboundSpi()).isEqualTo(qm.initiatorSpi()));
        IkeOutput again = gateway.send(initiator.informational(0x202, delete));
        assertThat(again.events()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.NOTHING_TO_DO)).isEqualTo(1);
        assertThat(gateway.responder.ikeSas().get(0).children()).isEmpty();
    }

    @Test
    void deleteOfTheIsakmpSaRemovesItWithItsChildren() {
        gateway.mainMode(initiator);
        gateway.quickMode(new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x300));
        Bytes cookies = gateway.responder.ikeSas().get(0).id().asSpi();
        NotificationPayload probeAfterwards = dpd(1);
        IkeOutput out = gateway.send(initiator.informational(0x301,
                new DeletePayload(Doi.IPSEC, ProtocolId.ISAKMP, 16, List.of(cookies))));
        assertThat(out.events()).hasAtLeastOneElementOfType(IkeEvent.ChildSaDeleted.class)
                .hasAtLeastOneElementOfType(IkeEvent.IkeSaDeleted.class);
        assertThat(gateway.responder.ikeSas()).isEmpty();
        assertThat(gateway.send(initiator.informational(0x302, probeAfterwards)).datagrams()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.UNKNOWN_COOKIES)).isEqualTo(1);
    }

    @Test
    void tamperedInformationalHashIsDropped() {
        gateway.mainMode(initiator);
        byte[] datagram = initiator.informational(0x401, dpd(1)).data();
        datagram[datagram.length - 20] ^= 0x40;
        assertThat(gateway.send(new Datagram(datagram, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER)).datagrams()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.BAD_HASH) + gateway.responder.stats().drops(Drop.UNDECRYPTABLE))
                .isEqualTo(1);
    }

    @Test
    void initialContactDropsThePeersOlderSas() {
        gateway.mainMode(initiator);
        gateway.quickMode(new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x500));
        IkeSaId old = gateway.responder.ikeSas().get(0).id();
        IkeInitiator rebooted = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 32);
        gateway.mainMode(rebooted);
        long newCookie = gateway.responder.ikeSas().stream().filter(v -> !v.id().equals(old)).findFirst().orElseThrow()
                .id().responderCookie();
        IkeOutput out = gateway.send(rebooted.informational(0x501, NotificationPayload.of(NotifyType.INITIAL_CONTACT,
                ProtocolId.ISAKMP, new IkeSaId(0x1000_0000_0000_0020L, newCookie).asSpi(), Bytes.EMPTY)));
        assertThat(out.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(IkeEvent.IkeSaDeleted.class,
                d -> assertThat(d.ikeSa()).isEqualTo(old)));
        assertThat(gateway.responder.ikeSas()).singleElement().satisfies(v -> assertThat(v.id()).isNotEqualTo(old));
    }

    @Test
    void deletePeerSendsDeletesForIpsecAndIsakmpSas() {
        gateway.mainMode(initiator);
        QuickModeInitiator qm = new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x600);
        gateway.quickMode(qm);
        IkeOutput out = gateway.responder.deletePeer(peer -> peer.displayName().equals("peer.test"));
        assertThat(out.datagrams()).hasSize(2);
        IsakmpMessage esp = initiator.openInformational(out.datagrams().get(0));
        assertThat(esp.first(DeletePayload.class).orElseThrow().spis())
                .containsExactly(Bytes.ofUnsigned(qm.responderSpi() & 0xFFFF_FFFFL, 4));
        IsakmpMessage isakmp = initiator.openInformational(out.datagrams().get(1));
        assertThat(isakmp.first(DeletePayload.class).orElseThrow().protocol()).isEqualTo(ProtocolId.ISAKMP);
        assertThat(out.events()).hasSize(2);
        assertThat(gateway.responder.ikeSas()).isEmpty();
    }

    @Test
    void passiveDpdDeclaresAPeerThatProbedUsAndFellSilentDeadAndDeletesItsSas() {
        gateway.mainMode(initiator);
        gateway.quickMode(new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x500));
        gateway.send(initiator.informational(0x501, dpd(1)));
        gateway.clock.advance(java.time.Duration.ofSeconds(100));
        assertThat(gateway.responder.detectDeadPeers(DpdPolicy.passive(java.time.Duration.ofSeconds(150))).events()).isEmpty();
        gateway.send(initiator.informational(0x502, dpd(2))); // alive: the silence starts again
        gateway.clock.advance(java.time.Duration.ofSeconds(100));
        assertThat(gateway.responder.detectDeadPeers(DpdPolicy.passive(java.time.Duration.ofSeconds(150))).events()).isEmpty();
        gateway.responder.heardFrom(List.of(gateway.responder.ikeSas().get(0).id())); // ESP arrived
        gateway.clock.advance(java.time.Duration.ofSeconds(149));
        assertThat(gateway.responder.detectDeadPeers(DpdPolicy.passive(java.time.Duration.ofSeconds(150))).events()).isEmpty();
        gateway.clock.advance(java.time.Duration.ofSeconds(1));
        IkeOutput dead = gateway.responder.detectDeadPeers(DpdPolicy.passive(java.time.Duration.ofSeconds(150)));
        assertThat(dead.events()).hasAtLeastOneElementOfType(IkeEvent.ChildSaDeleted.class)
                .anySatisfy(e -> assertThat(e).isEqualTo(new IkeEvent.IkeSaDeleted(e.ikeSa(), IkeEvent.Cause.DEAD_PEER)));
        assertThat(dead.datagrams()).as("DELETE for the IPsec SA and for the ISAKMP SA").hasSize(2);
        assertThat(gateway.responder.ikeSas()).isEmpty();
    }

    @Test
    void passiveDpdLeavesASilentPeerThatNeverProbedUsToItsLifetimes() {
        gateway.mainMode(initiator);
        gateway.clock.advance(java.time.Duration.ofHours(1));
        assertThat(gateway.responder.detectDeadPeers(DpdPolicy.passive(java.time.Duration.ofSeconds(150))).events()).isEmpty();
        assertThat(gateway.responder.ikeSas()).hasSize(1);
    }

    @Test
    void ipsecSaPastItsHardLifetimeIsDeletedWithADeleteNotifyAndTheIkeSaStays() {
        gateway.mainMode(initiator);
        QuickModeInitiator qm = new QuickModeInitiator(initiator, Gateway.defaultChild().withLifetime(60), 0x600);
        gateway.quickMode(qm);
        gateway.clock.advance(java.time.Duration.ofSeconds(59));
        assertThat(gateway.responder.expire().events()).isEmpty();
        gateway.clock.advance(java.time.Duration.ofSeconds(1));
        IkeOutput expired = gateway.responder.expire();
        assertThat(expired.events()).singleElement().isInstanceOfSatisfying(IkeEvent.ChildSaDeleted.class,
                e -> assertThat(e.cause()).isEqualTo(IkeEvent.Cause.EXPIRED));
        DeletePayload delete = initiator.openInformational(gateway.only(expired)).first(DeletePayload.class).orElseThrow();
        assertThat(delete.protocol()).isEqualTo(ProtocolId.IPSEC_ESP);
        assertThat(gateway.responder.ikeSas()).singleElement().satisfies(sa -> assertThat(sa.children()).isEmpty());
        // The data plane's own report of the same expiry (kilobytes or time) finds nothing left to delete.
        IkeEvent.ChildSaDeleted gone = (IkeEvent.ChildSaDeleted) expired.events().get(0);
        assertThat(gateway.responder.deleteChildSa(gone.inboundSpi(), IkeEvent.Cause.EXPIRED).datagrams()).isEmpty();
    }
}

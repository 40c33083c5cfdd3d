package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.isakmp.IsakmpMessage;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Found against strongSwan: after the initiator floats to 4500 (RFC 3947 §4) our own end must
 * float too, or what we send unprompted (DELETE) leaves from port 500 without the non-ESP marker
 * and strongSwan drops it. And the operator's per-SA delete.
 */
class FloatAndDeleteSaTest {

    private static final InetSocketAddress PEER_NATT = new InetSocketAddress(IkeInitiator.INITIATOR.getAddress(), 4500);
    private static final InetSocketAddress OUR_NATT = new InetSocketAddress(IkeInitiator.RESPONDER.getAddress(), 4500);

    private final Gateway gateway = new Gateway();

    private IkeSaId establishFloated(IkeInitiator initiator) throws Exception {
        initiator.receive2(gateway.only(gateway.send(initiator.message1())));
        initiator.receive4(gateway.only(gateway.send(initiator.message3())));
        Datagram five = initiator.message5();
        IkeOutput six = gateway.send(new Datagram(five.data(), PEER_NATT, OUR_NATT));
        assertThat(six.datagrams()).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo(OUR_NATT);
            assertThat(d.destination()).isEqualTo(PEER_NATT);
        });
        initiator.receive6(six.datagrams());
        return gateway.responder.ikeSas().get(0).id();
    }

    @Test
    void ourEndFloatsWithThePeerSoDeletesLeaveFromTheNattPort() throws Exception {
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 21);
        IkeSaId id = establishFloated(initiator);
        IkeOutput deleted = gateway.responder.deleteSa(id);
        assertThat(deleted.datagrams()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.source()).isEqualTo(OUR_NATT);
            assertThat(d.destination()).isEqualTo(PEER_NATT);
        });
        IsakmpMessage delete = initiator.openInformational(deleted.datagrams().get(deleted.datagrams().size() - 1));
        assertThat(delete.all(io.portcullis.ike.isakmp.DeletePayload.class)).hasSize(1);
    }

    @Test
    void whatWeSendFollowsAMoveTheDataPlaneSawAndUnknownSasAreIgnored() throws Exception {
        IkeSaId id = establishFloated(new IkeInitiator(InitiatorSuite.strongSwanDefault(), 23));
        InetSocketAddress remapped = new InetSocketAddress(IkeInitiator.INITIATOR.getAddress(), 61000);
        gateway.responder.peerMovedTo(new IkeSaId(1, 2), remapped);
        gateway.responder.peerMovedTo(id, remapped);
        assertThat(gateway.responder.ikeSas()).singleElement().satisfies(v -> assertThat(v.peerAddress()).isEqualTo(remapped));
        assertThat(gateway.responder.deleteSa(id).datagrams()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.source()).isEqualTo(OUR_NATT);
            assertThat(d.destination()).isEqualTo(remapped);
        });
    }

    @Test
    void deleteSaRemovesExactlyThatSaAndIsHarmlessForUnknownIds() throws Exception {
        IkeSaId first = establishFloated(new IkeInitiator(InitiatorSuite.strongSwanDefault(), 22));
        assertThat(gateway.responder.deleteSa(new IkeSaId(1, 2))).isEqualTo(IkeOutput.NOTHING);
        IkeOutput out = gateway.responder.deleteSa(first);
        assertThat(out.events()).containsExactly(new IkeEvent.IkeSaDeleted(first, IkeEvent.Cause.LOCAL_DELETE));
        assertThat(gateway.responder.ikeSas()).isEmpty();
        assertThat(gateway.responder.deleteSa(first).datagrams()).isEmpty();
    }

}

package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.harness.QuickModePeerResponder;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A rekey the gateway started, when the peer does not answer, refuses, or answers with something hostile:
 * retransmission with backoff then giving up, a refusal ending it, and replies that are dropped (counted,
 * the exchange waiting on) or refused with a notify — never an exception, and never a pair installed.
 */
class RekeyFailureTest {

    private final Gateway gateway = new Gateway();
    private final IkeInitiator peer = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 51);
    private ChildSaEstablished old;
    private Datagram message1;

    /** The peer's pair (1000 s), the clock at its rekey time, and the gateway's message 1. */
    private QuickModePeerResponder rekeyStarted() {
        gateway.mainMode(peer);
        old = (ChildSaEstablished) gateway.quickMode(new QuickModeInitiator(peer, Gateway.defaultChild().withLifetime(1000),
                0x800)).events().get(0);
        gateway.clock.advance(Duration.ofSeconds(900));
        message1 = gateway.only(gateway.responder.rekeyDue());
        QuickModePeerResponder answer = new QuickModePeerResponder(peer, 0x0e000001);
        answer.receive1(message1);
        return answer;
    }

    private IkeOutput timers(Duration later) {
        gateway.clock.advance(later);
        return gateway.responder.rekeyDue();
    }

    @Test
    void unansweredMessageOneIsResentWithBackoffThenTheRekeyIsGivenUp() {
        rekeyStarted();
        int inUse = gateway.context.spis().inUse();
        assertThat(timers(Duration.ofMillis(1999)).datagrams()).isEmpty();
        assertThat(gateway.only(timers(Duration.ofMillis(1))).data()).as("the same bytes again").isEqualTo(message1.data());
        assertThat(timers(Duration.ofMillis(3999)).datagrams()).isEmpty();
        assertThat(gateway.only(timers(Duration.ofMillis(1))).data()).isEqualTo(message1.data());
        assertThat(timers(Duration.ofSeconds(7)).datagrams()).isEmpty();
        assertThat(gateway.only(timers(Duration.ofSeconds(1))).data()).isEqualTo(message1.data());
        assertThat(timers(Duration.ofSeconds(15)).datagrams()).isEmpty();
        IkeOutput gaveUp = timers(Duration.ofSeconds(1));
        assertThat(gaveUp.datagrams()).isEmpty();
        assertThat(gaveUp.events()).singleElement().isInstanceOfSatisfying(IkeEvent.RekeyFailed.class, e -> {
            assertThat(e.replacedInboundSpi()).isEqualTo(old.inboundSpi());
            assertThat(e.reason()).contains("no answer after 4 tries");
        });
        assertThat(gateway.context.spis().inUse()).as("the new SPI is released").isEqualTo(inUse - 1);
        assertThat(timers(Duration.ofSeconds(30)).datagrams()).as("not started again").isEmpty();
        // The old pair runs until its hard lifetime, then goes with a DELETE.
        gateway.clock.advance(Duration.ofSeconds(100));
        assertThat(gateway.responder.expire().events()).singleElement().isInstanceOf(IkeEvent.ChildSaDeleted.class);
    }

    @Test
    void peerAnsweringNoProposalChosenEndsTheRekeyAtOnce() {
        QuickModePeerResponder answer = rekeyStarted();
        IkeOutput refused = gateway.send(answer.refuse(NotifyType.NO_PROPOSAL_CHOSEN, 0x4242));
        assertThat(refused.datagrams()).isEmpty();
        assertThat(refused.events()).singleElement().isInstanceOfSatisfying(IkeEvent.RekeyFailed.class,
                e -> assertThat(e.reason()).contains("NO_PROPOSAL_CHOSEN"));
        assertThat(timers(Duration.ofSeconds(60)).datagrams()).as("no retransmission after a refusal").isEmpty();
        assertThat(gateway.send(answer.message2()).events()).as("a late reply installs nothing").isEmpty();
        assertThat(gateway.responder.ikeSas().get(0).children()).hasSize(1);
    }

    @Test
    void errorNotifyNamingAnotherSpiLeavesTheRekeyRunning() {
        rekeyStarted();
        IkeOutput other = gateway.send(peer.informational(0x4343, NotificationPayload.of(NotifyType.NO_PROPOSAL_CHOSEN,
                io.portcullis.ike.isakmp.ProtocolId.IPSEC_ESP, Bytes.ofUnsigned(0x99999999L, 4), Bytes.EMPTY)));
        assertThat(other.events()).isEmpty();
        assertThat(gateway.only(timers(Duration.ofSeconds(2))).data()).isEqualTo(message1.data());
    }

    /** A dropped reply: counted under {@code reason}; then the genuine reply still completes the exchange. */
    private void droppedThenGenuineCompletes(QuickModePeerResponder answer, Datagram hostile, Drop... reasons) {
        long before = Arrays.stream(reasons).mapToLong(r -> gateway.responder.stats().drops(r)).sum();
        IkeOutput out = gateway.send(hostile);
        assertThat(out.datagrams()).isEmpty();
        assertThat(out.events()).isEmpty();
        assertThat(Arrays.stream(reasons).mapToLong(r -> gateway.responder.stats().drops(r)).sum()).isEqualTo(before + 1);
        IkeOutput three = gateway.send(answer.message2());
        answer.receive3(gateway.only(three));
        assertThat(three.events()).singleElement().isInstanceOf(ChildSaEstablished.class);
    }

    @Test
    void garbledReplyIsDroppedWithoutMovingTheIv() {
        QuickModePeerResponder answer = rekeyStarted();
        byte[] garbled = answer.message2().data();
        garbled[garbled.length - 40] ^= 0x01;
        droppedThenGenuineCompletes(answer, new Datagram(garbled, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER),
                Drop.BAD_HASH, Drop.UNDECRYPTABLE);
    }

    @Test
    void truncatedReplyIsDroppedAsMalformed() {
        QuickModePeerResponder answer = rekeyStarted();
        byte[] whole = answer.message2().data();
        droppedThenGenuineCompletes(answer, new Datagram(Arrays.copyOf(whole, whole.length - 5), IkeInitiator.INITIATOR,
                IkeInitiator.RESPONDER), Drop.MALFORMED);
    }

    @Test
    void replyWithAWrongHashIsDropped() {
        QuickModePeerResponder answer = rekeyStarted();
        droppedThenGenuineCompletes(answer, answer.message2WithHash(new byte[32]), Drop.BAD_HASH);
    }

    @Test
    void replyUnderAnUnexpectedMessageIdIsDropped() {
        QuickModePeerResponder answer = rekeyStarted();
        droppedThenGenuineCompletes(answer, answer.message2Under(answer.messageId() + 1), Drop.BAD_HASH);
    }

    @Test
    void forgedInformationalOnTheRekeysMessageIdCannotResetItsIvChain() {
        QuickModePeerResponder answer = rekeyStarted();
        byte[] forged = answer.message2().data();
        forged[18] = 5; // the exchange type byte: INFORMATIONAL, under the rekey's message ID
        droppedThenGenuineCompletes(answer, new Datagram(forged, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER),
                Drop.UNEXPECTED);
    }

    /** A verified reply we cannot accept: refused with this notify (naming our SPI); nothing installed. */
    private void refusedWith(UnaryOperator<List<Payload>> tamper, NotifyType expected) {
        QuickModePeerResponder answer = rekeyStarted();
        IkeOutput out = gateway.send(answer.message2(tamper));
        NotificationPayload notify = peer.openInformational(gateway.only(out)).first(NotificationPayload.class).orElseThrow();
        assertThat(notify.notifyType()).isEqualTo(expected);
        assertThat(notify.spi()).isEqualTo(Bytes.ofUnsigned(answer.gatewaySpi() & 0xFFFF_FFFFL, 4));
        assertThat(out.events()).hasAtLeastOneElementOfType(IkeEvent.RekeyFailed.class)
                .noneMatch(e -> e instanceof ChildSaEstablished);
        assertThat(timers(Duration.ofSeconds(60)).datagrams()).isEmpty();
        assertThat(gateway.responder.ikeSas().get(0).children()).hasSize(1);
    }

    @Test
    void replyChoosingATransformWeDidNotProposeIsRefused() {
        refusedWith(rest -> replace(rest, 0, sa(ChildProposal.of(EspTransform.aesGcm16(256), 14))), NotifyType.NO_PROPOSAL_CHOSEN);
    }

    @Test
    void replyWithOtherSelectorsIsRefused() {
        refusedWith(rest -> {
            List<Payload> changed = new ArrayList<>(rest);
            changed.set(changed.size() - 1, Payload.of(ChildProposal.subnet("203.0.113.128", 25)));
            return changed;
        }, NotifyType.INVALID_ID_INFORMATION);
    }

    @Test
    void replyWithoutTheKeyExchangePfsAskedForIsRefused() {
        refusedWith(rest -> rest.stream().filter(p -> !(p.body() instanceof KeyExchangePayload)).toList(),
                NotifyType.INVALID_KEY_INFORMATION);
    }

    @Test
    void replyWithAnInvalidKeyExchangeValueIsRefused() {
        refusedWith(rest -> rest.stream().map(p -> p.body() instanceof KeyExchangePayload
                ? Payload.of(KeyExchangePayload.of(new byte[256])) : p).toList(), NotifyType.INVALID_KEY_INFORMATION);
    }

    @Test
    void replyWithTwoTransformsIsRefused() {
        refusedWith(rest -> {
            SecurityAssociationPayload sa = (SecurityAssociationPayload) rest.get(0).body();
            ProposalPayload p = sa.proposals().get(0);
            TransformPayload t = p.transforms().get(0);
            return replace(rest, 0, SecurityAssociationPayload.of(List.of(new ProposalPayload(1, p.protocol(), p.spi(),
                    List.of(t, new TransformPayload(2, t.transformId(), t.attributes()))))));
        }, NotifyType.BAD_PROPOSAL_SYNTAX);
    }

    @Test
    void replyWithoutNonceIsRefused() {
        refusedWith(rest -> rest.stream().filter(p -> !(p.body() instanceof io.portcullis.ike.isakmp.NoncePayload)).toList(),
                NotifyType.PAYLOAD_MALFORMED);
    }

    @Test
    void unreadableResponderLifetimeIsRefused() {
        refusedWith(rest -> {
            List<Payload> changed = new ArrayList<>(rest);
            changed.add(Payload.of(NotificationPayload.of(NotifyType.RESPONDER_LIFETIME,
                    io.portcullis.ike.isakmp.ProtocolId.IPSEC_ESP, Bytes.ofUnsigned(1, 4), Bytes.fromHex("0002ffff"))));
            return changed;
        }, NotifyType.PAYLOAD_MALFORMED);
    }

    private SecurityAssociationPayload sa(ChildProposal other) {
        List<DataAttribute> attributes = List.of(DataAttribute.of(IpsecAttributeType.GROUP_DESCRIPTION, 14),
                DataAttribute.of(IpsecAttributeType.ENCAPSULATION_MODE, 3), DataAttribute.of(IpsecAttributeType.KEY_LENGTH,
                        other.transform().encryptionKeyBytes() * 8L));
        return SecurityAssociationPayload.of(List.of(new ProposalPayload(1, io.portcullis.ike.isakmp.ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(0x0e000001L, 4), List.of(new TransformPayload(1,
                        io.portcullis.ike.exchange.policy.EspTransformMapping.transformId(other.transform()).value(),
                        attributes)))));
    }

    private static List<Payload> replace(List<Payload> payloads, int index, io.portcullis.ike.isakmp.PayloadBody body) {
        List<Payload> changed = new ArrayList<>(payloads);
        changed.set(index, Payload.of(body));
        return changed;
    }
}

package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.SignaturePayload;
import io.portcullis.ike.keymat.RsaHashSignature;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileSequenceTest {

    private final Gateway gateway = new Gateway();
    private final IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 3);

    private void throughMessage4() throws Exception {
        initiator.receive2(gateway.only(gateway.send(initiator.message1())));
        initiator.receive4(gateway.only(gateway.send(initiator.message3())));
    }

    private NotifyType refusal(IkeOutput output) {
        IsakmpMessage informational = initiator.openInformational(gateway.only(output));
        return informational.first(NotificationPayload.class).orElseThrow().notifyType();
    }

    @Test
    void messageThreeBeforeMessageOneIsDroppedSilently() {
        IkeOutput out = gateway.send(initiator.message3());
        assertThat(out.datagrams()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.UNKNOWN_COOKIES) + gateway.responder.stats().drops(Drop.UNEXPECTED))
                .isEqualTo(1);
    }

    @Test
    void encryptedMessageInsteadOfMessageThreeIsDropped() throws Exception {
        initiator.receive2(gateway.only(gateway.send(initiator.message1())));
        byte[] bogus = initiator.message1().data();
        bogus[19] |= 0x01; // E flag on a plaintext message 3 slot
        bogus[8] = 1; // give it a responder cookie that does not exist
        assertThat(gateway.send(new Datagram(bogus, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER)).datagrams()).isEmpty();
    }

    @Test
    void badHashIInPreSharedKeyModeIsAnsweredWithAuthenticationFailed() throws Exception {
        Gateway pskGateway = new Gateway(Gateway.everything(), (c, id, now) -> { throw new AssertionError("no certs"); },
                peer -> java.util.Optional.of(new io.portcullis.ike.exchange.auth.PskPeer("secret".getBytes(),
                        List.of(io.portcullis.ike.esp.IpPrefix.parse("203.0.113.0/24")))), IkeLimits.defaults());
        IkeInitiator psk = new IkeInitiator(InitiatorSuite.strongSwanDefault()
                .withAuth(io.portcullis.ike.isakmp.AuthenticationMethod.PRE_SHARED_KEY), 4).withPreSharedKey("secret".getBytes());
        psk.receive2(pskGateway.only(pskGateway.send(psk.message1())));
        psk.receive4(pskGateway.only(pskGateway.send(psk.message3())));
        IkeOutput out = pskGateway.send(psk.message5(payloads -> replace(payloads, 1,
                HashPayload.of(new byte[32]))));
        IsakmpMessage informational = psk.openInformational(pskGateway.only(out));
        assertThat(informational.first(NotificationPayload.class).orElseThrow().notifyType())
                .isEqualTo(NotifyType.AUTHENTICATION_FAILED);
        assertThat(pskGateway.responder.ikeSas()).isEmpty();
    }

    @Test
    void preSharedKeyMainModeEstablishes() throws Exception {
        Gateway pskGateway = new Gateway(Gateway.everything(), (c, id, now) -> { throw new AssertionError("no certs"); },
                peer -> java.util.Optional.of(new io.portcullis.ike.exchange.auth.PskPeer("secret".getBytes(),
                        List.of(io.portcullis.ike.esp.IpPrefix.parse("203.0.113.0/24")))), IkeLimits.defaults());
        IkeInitiator psk = new IkeInitiator(InitiatorSuite.strongSwanDefault()
                .withAuth(io.portcullis.ike.isakmp.AuthenticationMethod.PRE_SHARED_KEY), 4).withPreSharedKey("secret".getBytes());
        pskGateway.mainMode(psk);
        assertThat(pskGateway.responder.ikeSas()).hasSize(1);
    }

    @Test
    void wrongSizeSignedHashIsRefused() throws Exception {
        throughMessage4();
        IkeOutput out = gateway.send(initiator.message5(payloads -> replace(payloads, 2,
                SignaturePayload.of(RsaHashSignature.sign(TestPki.peerKey(), new byte[20])))));
        assertThat(refusal(out)).isEqualTo(NotifyType.AUTHENTICATION_FAILED);
        assertThat(gateway.responder.ikeSas()).isEmpty();
    }

    @Test
    void badSignatureIsRefused() throws Exception {
        throughMessage4();
        IkeOutput out = gateway.send(initiator.message5(payloads -> {
            byte[] sig = ((SignaturePayload) payloads.get(2).body()).signature().toByteArray();
            sig[sig.length - 1] ^= 1;
            return replace(payloads, 2, SignaturePayload.of(sig));
        }));
        assertThat(refusal(out)).isEqualTo(NotifyType.AUTHENTICATION_FAILED);
    }

    @Test
    void retransmittedMessage5GetsIdenticalResponse() throws Exception {
        throughMessage4();
        Datagram five = initiator.message5();
        IkeOutput first = gateway.send(five);
        IkeOutput again = gateway.send(five);
        assertThat(again.datagrams()).hasSameSizeAs(first.datagrams());
        for (int i = 0; i < first.datagrams().size(); i++) {
            assertThat(again.datagrams().get(i).data()).isEqualTo(first.datagrams().get(i).data());
        }
        assertThat(again.events()).isEmpty();
        assertThat(gateway.responder.stats().retransmissions()).isEqualTo(1);
        initiator.receive6(first.datagrams());
    }

    @Test
    void replayedMessage5FromAnotherAddressIsNotAnswered() throws Exception {
        throughMessage4();
        Datagram five = initiator.message5();
        gateway.send(five);
        Datagram replay = new Datagram(five.data(), new InetSocketAddress(IkeInitiator.INITIATOR.getAddress(), 4500),
                IkeInitiator.RESPONDER);
        assertThat(gateway.send(replay).datagrams()).isEmpty();
        assertThat(gateway.responder.ikeSas()).hasSize(1);
    }

    @Test
    void fragmentedMessage5IsReassembledAndLargeMessage6IsFragmented() throws Exception {
        Gateway small = new Gateway(Gateway.everything().withFragmentSize(600),
                new io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator(List.of(TestPki.CA),
                        io.portcullis.ike.exchange.auth.EkuPolicy.ikeOrTls()),
                io.portcullis.ike.exchange.auth.PreSharedKeys.none(), IkeLimits.defaults());
        initiator.receive2(small.only(small.send(initiator.message1())));
        initiator.receive4(small.only(small.send(initiator.message3())));
        List<Datagram> fragments = initiator.fragments(initiator.message5(), 572);
        assertThat(fragments).hasSizeGreaterThan(1);
        IkeOutput six = IkeOutput.NOTHING;
        for (Datagram fragment : fragments) {
            six = small.send(fragment);
        }
        assertThat(six.datagrams()).hasSizeGreaterThan(1).allSatisfy(d -> assertThat(d.data().length).isLessThanOrEqualTo(600));
        initiator.receive6(six.datagrams());
        assertThat(small.responder.ikeSas()).hasSize(1);
    }

    @Test
    void truncatedAndOversizedDatagramsAreDroppedAndCounted() {
        byte[] one = initiator.message1().data();
        gateway.send(new Datagram(Arrays.copyOf(one, one.length - 3), IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        gateway.send(new Datagram(Arrays.copyOf(one, one.length + 40), IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        gateway.send(new Datagram(new byte[5], IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        byte[] lying = one.clone();
        lying[28 + 3] = (byte) 0xF0; // the SA payload claims more bytes than the message holds
        gateway.send(new Datagram(lying, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        assertThat(gateway.responder.stats().drops(Drop.MALFORMED)).isEqualTo(4);
        assertThat(gateway.responder.halfOpenCount()).isZero();
    }

    @Test
    void unknownCookiesAreNeverAnswered() {
        byte[] one = initiator.message1().data();
        one[15] = 7; // a responder cookie we never issued
        assertThat(gateway.send(new Datagram(one, IkeInitiator.INITIATOR, IkeInitiator.RESPONDER)).datagrams()).isEmpty();
        assertThat(gateway.responder.stats().drops(Drop.UNKNOWN_COOKIES)).isEqualTo(1);
    }

    static List<Payload> replace(List<Payload> payloads, int index, io.portcullis.ike.isakmp.PayloadBody body) {
        List<Payload> copy = new ArrayList<>(payloads);
        copy.set(index, Payload.of(body));
        return copy;
    }

}

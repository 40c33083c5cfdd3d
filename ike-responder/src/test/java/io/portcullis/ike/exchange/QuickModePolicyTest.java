package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickModePolicyTest {

    private final Gateway gateway = new Gateway();
    /** Each initiator gets its own cookies: identical message 1 bytes would be a retransmission. */
    private long seed = 21;

    private IkeInitiator established(X509Certificate certificate) {
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed++).withCertificate(certificate);
        gateway.mainMode(initiator);
        return initiator;
    }

    private NotifyType refusal(IkeInitiator initiator, ChildProposal child) {
        IkeOutput out = gateway.send(new QuickModeInitiator(initiator, child, 0x77).message1());
        IsakmpMessage informational = initiator.openInformational(gateway.only(out));
        return informational.first(NotificationPayload.class).orElseThrow().notifyType();
    }

    @Test
    void trafficSelectorOutsideTheCertificatesSubnetsIsRefused() {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        ChildProposal child = Gateway.defaultChild().withIds(ChildProposal.subnet("10.1.0.0", 16), ChildProposal.subnet("198.51.100.0", 24));
        assertThat(refusal(initiator, child)).isEqualTo(NotifyType.INVALID_ID_INFORMATION);
    }

    @Test
    void certificateWithoutRfc3779ExtensionCannotAskForASubnetTunnel() {
        IkeInitiator initiator = established(TestPki.peer().withSubnets().issue());
        assertThat(refusal(initiator, Gateway.defaultChild())).isEqualTo(NotifyType.INVALID_ID_INFORMATION);
    }

    @Test
    void gatewaySideOutsideProtectedSubnetsIsRefused() {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        ChildProposal child = Gateway.defaultChild().withIds(ChildProposal.subnet("203.0.113.0", 24), ChildProposal.subnet("192.168.0.0", 16));
        assertThat(refusal(initiator, child)).isEqualTo(NotifyType.INVALID_ID_INFORMATION);
    }

    @Test
    void quickModeIdTypeMismatchIsRefused() {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        ChildProposal fqdn = Gateway.defaultChild().withIds(IdentificationPayload.fqdn("peer.test"), ChildProposal.subnet("198.51.100.0", 24));
        assertThat(refusal(initiator, fqdn)).isEqualTo(NotifyType.INVALID_ID_INFORMATION);
        IkeInitiator second = established(TestPki.peerCertificate());
        ChildProposal mixed = Gateway.defaultChild().withIds(ChildProposal.subnet("203.0.113.0", 24), ChildProposal.subnet("2001:db8::", 32));
        assertThat(refusal(second, mixed)).isEqualTo(NotifyType.INVALID_ID_INFORMATION);
    }

    @Test
    void widerRequestIsNarrowedToTheDelegatedSubnet() throws Exception {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        ChildProposal wide = Gateway.defaultChild().withIds(ChildProposal.subnet("203.0.0.0", 8), ChildProposal.subnet("198.51.100.0", 24));
        QuickModeInitiator qm = new QuickModeInitiator(initiator, wide, 0x99);
        IsakmpMessage two = qm.receive2(gateway.only(gateway.send(qm.message1())));
        assertThat(two.all(IdentificationPayload.class).get(0)).isEqualTo(ChildProposal.subnet("203.0.113.0", 24));
        ChildSaEstablished child = (ChildSaEstablished) gateway.send(qm.message3()).events().get(0);
        assertThat(child.remote().prefix().toString()).isEqualTo("203.0.113.0/24");
    }

    @Test
    void shorterPolicyLifetimeIsAnnouncedWithResponderLifetime() throws Exception {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        QuickModeInitiator qm = new QuickModeInitiator(initiator, Gateway.defaultChild().withLifetime(86_400), 0x55);
        IsakmpMessage two = qm.receive2(gateway.only(gateway.send(qm.message1())));
        NotificationPayload lifetime = two.first(NotificationPayload.class).orElseThrow();
        assertThat(lifetime.notifyType()).isEqualTo(NotifyType.RESPONDER_LIFETIME);
        // SA life type seconds (basic 0x8001 0001), duration 3600 (basic 0x8002 0e10)
        assertThat(lifetime.data().toHex()).isEqualTo("800100018002" + "0e10");
        ChildSaEstablished child = (ChildSaEstablished) gateway.send(qm.message3()).events().get(0);
        assertThat(child.lifetime().hardTime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void unacceptableEspTransformGetsNoProposalChosen() {
        Gateway strict = new Gateway(io.portcullis.ike.exchange.policy.GatewayPolicy.strongDefaults(Gateway.PROTECTED),
                new io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator(List.of(TestPki.CA),
                        io.portcullis.ike.exchange.auth.EkuPolicy.ikeOrTls()),
                io.portcullis.ike.exchange.auth.PreSharedKeys.none(), IkeLimits.defaults());
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 22);
        strict.mainMode(initiator);
        ChildProposal sha1 = ChildProposal.of(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA1_96), 0);
        IkeOutput out = strict.send(new QuickModeInitiator(initiator, sha1, 0x31).message1());
        assertThat(initiator.openInformational(strict.only(out)).first(NotificationPayload.class).orElseThrow().notifyType())
                .isEqualTo(NotifyType.NO_PROPOSAL_CHOSEN);
    }

    @Test
    void plainTunnelModeIsAcceptedAndReportedAsNotEncapsulated() {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        IkeOutput out = gateway.quickMode(new QuickModeInitiator(initiator,
                Gateway.defaultChild().withMode(EncapsulationMode.TUNNEL), 0x41));
        assertThat(((ChildSaEstablished) out.events().get(0)).udpEncapsulated()).isFalse();
    }

    @Test
    void keyExchangeWithoutPfsGroupIsRefused() {
        IkeInitiator initiator = established(TestPki.peerCertificate());
        QuickModeInitiator qm = new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x42);
        IkeOutput out = gateway.send(qm.message1(rest -> {
            var sa = (io.portcullis.ike.isakmp.SecurityAssociationPayload) rest.get(0).body();
            var proposal = sa.proposals().get(0);
            var transform = proposal.transforms().get(0);
            List<DataAttribute> noGroup = transform.attributes().stream()
                    .filter(a -> a.type() != IpsecAttributeType.GROUP_DESCRIPTION.value()).toList();
            var stripped = io.portcullis.ike.isakmp.SecurityAssociationPayload.of(List.of(new io.portcullis.ike.isakmp.ProposalPayload(
                    1, proposal.protocol(), proposal.spi(), List.of(new io.portcullis.ike.isakmp.TransformPayload(1,
                            transform.transformId(), noGroup)))));
            return HostileSequenceTest.replace(rest, 0, stripped);
        }));
        assertThat(initiator.openInformational(gateway.only(out)).first(NotificationPayload.class).orElseThrow().notifyType())
                .isEqualTo(NotifyType.NO_PROPOSAL_CHOSEN);
    }
}

package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.exchange.policy.Phase1ProposalSelector;
import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.StrongSwanCapture;
import io.portcullis.ike.isakmp.VendorIdPayload;
import io.portcullis.ike.isakmp.VendorIds;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProposalSelectionTest {

    @Test
    void strongSwansCapturedMessage1IsAnsweredWithItsOwnTransform() throws Exception {
        IsakmpMessage one = new IsakmpDecoder().decode(StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone());
        SecurityAssociationPayload sa = one.first(SecurityAssociationPayload.class).orElseThrow();
        Optional<Phase1Selection> chosen = new Phase1ProposalSelector(GatewayPolicy.strongDefaults(Gateway.PROTECTED),
                m -> true).select(sa);
        assertThat(chosen).hasValueSatisfying(s -> {
            assertThat(s.cipher().algorithm()).isEqualTo(BlockCipherAlgorithm.AES_CBC);
            assertThat(s.cipher().keyLength()).isEqualTo(16);
            assertThat(s.prf()).isEqualTo(PrfAlgorithm.HMAC_SHA2_256);
            assertThat(s.group().id()).isEqualTo(14);
            assertThat(s.lifetime()).isEqualTo(Duration.ofSeconds(0x3de0));
            assertThat(s.responseSa().proposals().get(0).transforms()).containsExactly(sa.proposals().get(0).transforms().get(0));
        });
    }

    @Test
    void responderAnswersStrongSwansMessage1WithDpdFragmentationAndNatTVendorIds() throws Exception {
        Gateway gateway = new Gateway();
        IkeOutput out = gateway.send(new Datagram(StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone(),
                IkeInitiator.INITIATOR, IkeInitiator.RESPONDER));
        IsakmpMessage two = new IsakmpDecoder().decode(gateway.only(out).data());
        assertThat(two.all(VendorIdPayload.class)).extracting(VendorIdPayload::vendorId)
                .contains(VendorIds.DPD, VendorIds.FRAGMENTATION, VendorIds.NAT_T_RFC3947);
        assertThat(two.header().responderCookie()).isNotZero();
    }

    @Test
    void weakSuiteGetsNoProposalChosenUnlessThePolicyAllowsIt() throws Exception {
        GatewayPolicy defaults = GatewayPolicy.strongDefaults(Gateway.PROTECTED);
        Gateway strict = new Gateway(defaults.withPhase1(defaults.phase1().withAlgorithms(
                java.util.Set.of(BlockCipherAlgorithm.values()), java.util.Set.of(PrfAlgorithm.values()),
                java.util.Set.of(2, 14), java.util.Set.of(io.portcullis.ike.isakmp.AuthenticationMethod.RSA_SIGNATURES))),
                new io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator(java.util.List.of(io.portcullis.ike.harness.TestPki.CA),
                        io.portcullis.ike.exchange.auth.EkuPolicy.ikeOrTls()),
                io.portcullis.ike.exchange.auth.PreSharedKeys.none(), IkeLimits.defaults());
        for (InitiatorSuite weak : new InitiatorSuite[] {
                InitiatorSuite.of(BlockCipherAlgorithm.TRIPLE_DES_CBC, 192, PrfAlgorithm.HMAC_SHA2_256, 14),
                InitiatorSuite.of(BlockCipherAlgorithm.AES_CBC, 128, PrfAlgorithm.HMAC_SHA1, 14),
                InitiatorSuite.of(BlockCipherAlgorithm.AES_CBC, 128, PrfAlgorithm.HMAC_SHA2_256, 2)}) {
            IkeOutput out = strict.send(new IkeInitiator(weak, weak.hashCode()).message1());
            IsakmpMessage notify = new IsakmpDecoder().decode(strict.only(out).data());
            assertThat(notify.first(NotificationPayload.class).orElseThrow().notifyType()).as(weak.toString())
                    .isEqualTo(NotifyType.NO_PROPOSAL_CHOSEN);
        }
        assertThat(strict.responder.halfOpenCount()).isZero();
        Gateway lenient = new Gateway();
        lenient.mainMode(new IkeInitiator(InitiatorSuite.of(BlockCipherAlgorithm.TRIPLE_DES_CBC, 192, PrfAlgorithm.HMAC_SHA1, 2), 9));
        assertThat(lenient.responder.ikeSas()).hasSize(1);
    }
}

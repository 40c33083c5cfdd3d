package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Main Mode + Quick Mode for every Phase 1 combination (full matrix for the cheap groups,
 * representative rows for MODP 3072/4096), and every ESP transform with and without PFS; each
 * run ends with real ESP packets in both directions under the negotiated keys.
 */
class AlgorithmMatrixTest {

    private static final int[] CHEAP_GROUPS = {2, 5, 14, 19, 20};

    static Stream<Arguments> phase1() {
        List<Arguments> rows = new ArrayList<>();
        for (BlockCipherAlgorithm cipher : BlockCipherAlgorithm.values()) {
            int[] keyBits = cipher == BlockCipherAlgorithm.AES_CBC ? new int[] {128, 192, 256} : new int[] {192};
            for (int bits : keyBits) {
                for (PrfAlgorithm prf : PrfAlgorithm.values()) {
                    for (int group : CHEAP_GROUPS) {
                        rows.add(Arguments.of(InitiatorSuite.of(cipher, bits, prf, group)));
                    }
                }
            }
        }
        rows.add(Arguments.of(InitiatorSuite.of(BlockCipherAlgorithm.AES_CBC, 256, PrfAlgorithm.HMAC_SHA2_384, 15)));
        rows.add(Arguments.of(InitiatorSuite.of(BlockCipherAlgorithm.AES_CBC, 256, PrfAlgorithm.HMAC_SHA2_512, 16)));
        rows.add(Arguments.of(InitiatorSuite.of(BlockCipherAlgorithm.TRIPLE_DES_CBC, 192, PrfAlgorithm.HMAC_SHA1, 16)));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phase1")
    void everyPhase1SuiteEstablishesAndCarriesEsp(InitiatorSuite suite) throws Exception {
        establishAndCarry(suite, ChildProposal.of(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128), 0));
    }

    static Stream<Arguments> phase2() {
        List<Arguments> rows = new ArrayList<>();
        for (int bits : new int[] {128, 192, 256}) {
            for (EspTransform.Integrity integrity : new EspTransform.Integrity[] {EspTransform.Integrity.HMAC_SHA1_96,
                    EspTransform.Integrity.HMAC_SHA2_256_128, EspTransform.Integrity.HMAC_SHA2_384_192,
                    EspTransform.Integrity.HMAC_SHA2_512_256}) {
                rows.add(Arguments.of(EspTransform.aesCbc(bits, integrity), 0));
                rows.add(Arguments.of(EspTransform.aesCbc(bits, integrity), 14));
            }
            rows.add(Arguments.of(EspTransform.aesGcm16(bits), 0));
            rows.add(Arguments.of(EspTransform.aesGcm16(bits), 19));
        }
        rows.add(Arguments.of(EspTransform.aesGcm16(256), 20));
        rows.add(Arguments.of(EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_512_256), 16));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} pfs={1}")
    @MethodSource("phase2")
    void everyEspTransformWithAndWithoutPfsCarriesPacketsBothWays(EspTransform transform, int pfsGroup) throws Exception {
        establishAndCarry(InitiatorSuite.strongSwanDefault(), ChildProposal.of(transform, pfsGroup));
    }

    private static void establishAndCarry(InitiatorSuite suite, ChildProposal child) throws Exception {
        Gateway gateway = new Gateway();
        IkeInitiator initiator = new IkeInitiator(suite, 7);
        gateway.mainMode(initiator);
        QuickModeInitiator qm = new QuickModeInitiator(initiator, child, 0x5151);
        IkeOutput out = gateway.quickMode(qm);
        ChildSaEstablished established = (ChildSaEstablished) out.events().get(0);
        assertThat(established.transform()).isEqualTo(child.transform());
        assertThat(established.outboundSpi()).isEqualTo(qm.initiatorSpi());
        assertThat(established.inboundSpi()).isEqualTo(qm.responderSpi());
        assertThat(established.udpEncapsulated()).isTrue();
        EspRoundTrip.bothDirections(established, qm, gateway.clock);
    }
}

package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void unknownValuesSurviveAsValues() {
        NotifyType unknown = NotifyType.valueOf(12345);

        assertThat(unknown.value()).isEqualTo(12345);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown).hasToString("NotifyType(12345)");
    }

    @Test
    void knownValuesResolveToTheirConstantsAndNames() {
        assertThat(NotifyType.valueOf(36136)).isSameAs(NotifyType.R_U_THERE);
        assertThat(NotifyType.INITIAL_CONTACT.value()).isEqualTo(24578);
        assertThat(NotifyType.RESPONDER_LIFETIME.value()).isEqualTo(24576);
        assertThat(PayloadType.valueOf(132)).hasToString("FRAGMENT");
        assertThat(ExchangeType.valueOf(32)).isEqualTo(ExchangeType.QUICK_MODE);
        assertThat(EncapsulationMode.valueOf(61443)).isEqualTo(EncapsulationMode.UDP_ENCAPSULATED_TUNNEL_DRAFT);
    }

    @Test
    void errorNotifyTypesAreBelowSixteenThousandThreeHundredEightyFour() {
        assertThat(NotifyType.NO_PROPOSAL_CHOSEN.isError()).isTrue();
        assertThat(NotifyType.INITIAL_CONTACT.isError()).isFalse();
    }

    @Test
    void udpEncapsulatedModesAreRecognisedInBothNumberings() {
        assertThat(EncapsulationMode.UDP_ENCAPSULATED_TUNNEL.isUdpEncapsulated()).isTrue();
        assertThat(EncapsulationMode.UDP_ENCAPSULATED_TUNNEL_DRAFT.isTunnel()).isTrue();
        assertThat(EncapsulationMode.TUNNEL.isUdpEncapsulated()).isFalse();
    }

    @Test
    void valuesOutsideTheFieldWidthAreRejected() {
        assertThatThrownBy(() -> PayloadType.valueOf(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Phase1AttributeType.valueOf(0x8000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fragmentationVendorIdIsRecognisedWithAndWithoutCapabilities() {
        assertThat(VendorIds.announcesFragmentation(VendorIds.FRAGMENTATION)).isTrue();
        assertThat(VendorIds.announcesFragmentation(VendorIds.FRAGMENTATION_HASH)).isTrue();
        Bytes baseOnly = Bytes.fromHex("4048b7d56ebce88525e7de7f00d6c2d340000000");
        assertThat(VendorIds.announcesFragmentation(baseOnly)).isFalse();
        assertThat(VendorIds.announcesFragmentation(VendorIds.DPD)).isFalse();
    }

    @Test
    void decodeFailuresSuggestTheRfcNotify() {
        assertThat(DecodeFailure.LENGTH_MISMATCH.suggestedNotify()).isEqualTo(NotifyType.UNEQUAL_PAYLOAD_LENGTHS);
        assertThat(DecodeFailure.UNSUPPORTED_SITUATION.suggestedNotify()).isEqualTo(NotifyType.SITUATION_NOT_SUPPORTED);
    }
}

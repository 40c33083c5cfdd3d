package io.portcullis.ca.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import org.junit.jupiter.api.Test;

class RevocationReasonTest {

    @Test
    void rfc5280NamesMapToTheirCodes() {
        assertThat(RevocationReason.parse("keyCompromise").code()).isEqualTo(1);
        assertThat(RevocationReason.parse("certificateHold").code()).isEqualTo(6);
        assertThat(RevocationReason.parse("privilegeWithdrawn").code()).isEqualTo(9);
        assertThat(RevocationReason.parse("aACompromise").code()).isEqualTo(10);
    }

    @Test
    void missingReasonMeansUnspecified() {
        assertThat(RevocationReason.parse(null)).isEqualTo(RevocationReason.UNSPECIFIED);
    }

    @Test
    void removeFromCrlAndUnknownNamesAreRefused() {
        for (String bad : new String[] { "removeFromCRL", "stolen", "7" }) {
            assertThatThrownBy(() -> RevocationReason.parse(bad)).isInstanceOf(PortcullisException.class)
                    .hasMessageContaining("keyCompromise");
        }
    }
}

package io.portcullis.ca.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.paging.PageRequest;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SerialsTest {

    @Test
    void acceptsOpensslColonFormAndUpperCase() {
        assertThat(Serials.parse("0A:FF:10")).isEqualTo(new BigInteger("0aff10", 16));
        assertThat(Serials.toHex(Serials.parse("00AB"))).isEqualTo("ab");
    }

    @Test
    void refusesNonHexAndOverlongSerials() {
        for (String bad : new String[] { "", "xyz", "12 34", "1".repeat(41), ":::", "-1", "0x12", "' or 1=1 --" }) {
            assertThatThrownBy(() -> Serials.parse(bad))
                    .as(bad)
                    .isInstanceOf(PortcullisException.class)
                    .extracting(e -> ((PortcullisException) e).type()).isEqualTo("invalid-serial");
        }
    }

    @Test
    void pageRequestBoundsAreEnforced() {
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(PortcullisException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(PortcullisException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 501)).isInstanceOf(PortcullisException.class);
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 50));
        assertThat(PageRequest.escapeLike("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
    }
}

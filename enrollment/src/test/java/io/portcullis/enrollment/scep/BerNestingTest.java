package io.portcullis.enrollment.scep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The fuzzing finding of issue 20: deeply nested SCEP input must be refused, not overflow the stack. */
class BerNestingTest {

    @Test
    void deeplyNestedPkiMessageIsUnreadableInsteadOfAStackOverflow() {
        byte[] nested = definite(20_000);

        assertThatThrownBy(() -> new PkiMessageReader(Clock.systemUTC()).read(nested))
                .isInstanceOf(PkiMessageReader.Unreadable.class).hasMessageContaining("nests deeper");
        assertThatThrownBy(() -> ScepEnvelope.open(nested, null))
                .isInstanceOf(ScepFailure.class).hasMessageContaining("nests deeper");
    }

    @Test
    void indefiniteLengthsAreFollowed() {
        byte[] ber = new byte[4 * 70];
        for (int i = 0; i < 70; i++) {
            ber[2 * i] = 0x30;
            ber[2 * i + 1] = (byte) 0x80; // end-of-contents octets (zeros) close them at the end
        }

        assertThat(BerNesting.deeperThan(ber, 64)).isTrue();
        assertThat(BerNesting.deeperThan(ber, 70)).isFalse();
    }

    @Test
    void shallowStructuresPass() {
        assertThat(BerNesting.deeperThan(definite(64), 64)).isFalse();
        assertThat(BerNesting.deeperThan(definite(65), 64)).isTrue();
        assertThat(BerNesting.deeperThan(new byte[] { 0x04, 0x02, 0x30, 0x00 }, 1)).isFalse(); // inside an OCTET STRING: not nesting
    }

    /** {@code depth} SEQUENCEs, each the only content of the one around it, with four-octet lengths. */
    static byte[] definite(int depth) {
        byte[] b = new byte[depth * 6];
        for (int i = 0; i < depth; i++) {
            int length = b.length - (i + 1) * 6;
            b[i * 6] = 0x30;
            b[i * 6 + 1] = (byte) 0x84;
            b[i * 6 + 2] = (byte) (length >>> 24);
            b[i * 6 + 3] = (byte) (length >>> 16);
            b[i * 6 + 4] = (byte) (length >>> 8);
            b[i * 6 + 5] = (byte) length;
        }
        return b;
    }
}

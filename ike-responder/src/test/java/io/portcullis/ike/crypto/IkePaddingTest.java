package io.portcullis.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IkePaddingTest {

    @Test
    void padsWithZerosUpToTheBlockAndCountsInTheLastByte() {
        byte[] plaintext = {1, 2, 3, 4, 5};
        byte[] padded = IkePadding.pad(plaintext, 16);

        assertThat(padded).hasSize(16);
        assertThat(Arrays.copyOf(padded, 5)).isEqualTo(plaintext);
        assertThat(Arrays.copyOfRange(padded, 5, 15)).containsOnly(0);
        assertThat(padded[15]).isEqualTo((byte) 10);
    }

    @Test
    void blockAlignedInputStillGetsAFullBlockOfPadding() {
        byte[] padded = IkePadding.pad(new byte[8], 8);

        assertThat(padded).hasSize(16);
        assertThat(padded[15]).isEqualTo((byte) 7);
    }

    @Test
    void oneByteShortOfABlockGetsOnlyTheCountByte() {
        byte[] padded = IkePadding.pad(new byte[15], 16);

        assertThat(padded).hasSize(16);
        assertThat(padded[15]).isEqualTo((byte) 0);
    }
}

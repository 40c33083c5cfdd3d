package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4303 §3.4.3 sliding window edge cases. */
class ReplayWindowTest {

    @Test
    void firstPacketIsAccepted() {
        ReplayWindow w = new ReplayWindow(128);
        assertThat(w.mayAccept(1)).isTrue();
        assertThat(w.accept(1)).isTrue();
        assertThat(w.highest()).isEqualTo(1);
    }

    @Test
    void firstPacketNeedNotBeSequenceOne() {
        ReplayWindow w = new ReplayWindow(128);
        assertThat(w.accept(500)).isTrue();
        assertThat(w.accept(499)).isTrue();
        assertThat(w.accept(373)).isTrue();  // 500 - 127: inside
        assertThat(w.accept(372)).isFalse(); // 500 - 128: outside
    }

    @Test
    void sequenceZeroIsRefused() {
        ReplayWindow w = new ReplayWindow(128);
        assertThat(w.mayAccept(0)).isFalse();
        assertThat(w.accept(0)).isFalse();
        assertThat(w.highest()).isZero();
    }

    @Test
    void replayedSequenceNumberIsDropped() {
        ReplayWindow w = new ReplayWindow(128);
        assertThat(w.accept(7)).isTrue();
        assertThat(w.mayAccept(7)).isFalse();
        assertThat(w.accept(7)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 100, 128, 129, 1000, 1024, 4096})
    void packetExactlyWindowSizeMinusOneBehindIsAcceptedAndOneFurtherIsDropped(int size) {
        ReplayWindow w = new ReplayWindow(size);
        long top = 10_000;
        assertThat(w.accept(top)).isTrue();
        assertThat(w.mayAccept(top - size + 1)).as("left edge").isTrue();
        assertThat(w.accept(top - size + 1)).isTrue();
        assertThat(w.mayAccept(top - size)).as("one left of the window").isFalse();
        assertThat(w.accept(top - size)).isFalse();
    }

    @Test
    void packetLeftOfWindowIsDropped() {
        ReplayWindow w = new ReplayWindow(64);
        w.accept(1000);
        assertThat(w.mayAccept(1)).isFalse();
        assertThat(w.mayAccept(936)).isFalse();
    }

    @Test
    void outOfOrderPacketsInsideWindowAreEachAcceptedOnce() {
        ReplayWindow w = new ReplayWindow(128);
        for (long s : new long[] {5, 3, 4, 1, 2, 9, 6, 8, 7}) {
            assertThat(w.accept(s)).as("seq %d", s).isTrue();
        }
        for (long s = 1; s <= 9; s++) {
            assertThat(w.mayAccept(s)).as("seq %d again", s).isFalse();
        }
        assertThat(w.mayAccept(10)).isTrue();
    }

    @Test
    void farAheadPacketShiftsWindowAndForgetsOldBits() {
        ReplayWindow w = new ReplayWindow(128);
        for (long s = 1; s <= 100; s++) {
            w.accept(s);
        }
        assertThat(w.accept(100 + 5000)).isTrue();
        assertThat(w.highest()).isEqualTo(5100);
        assertThat(w.mayAccept(100)).isFalse();          // now far left of the window
        assertThat(w.mayAccept(5100 - 127)).isTrue();    // cleared while sliding, not stale
        assertThat(w.mayAccept(5099)).isTrue();
    }

    @Test
    void shiftSmallerThanRingClearsOnlyTheSkippedBits() {
        ReplayWindow w = new ReplayWindow(128);
        for (long s = 1; s <= 128; s++) {
            w.accept(s);
        }
        // Slide by 64: sequence numbers 129..191 were never seen and must not look seen through the ring.
        assertThat(w.accept(192)).isTrue();
        for (long s = 129; s < 192; s++) {
            assertThat(w.mayAccept(s)).as("seq %d", s).isTrue();
        }
        for (long s = 65; s <= 128; s++) {
            assertThat(w.mayAccept(s)).as("seq %d", s).isFalse();
        }
        assertThat(w.mayAccept(64)).isFalse(); // 192 - 128: left of the window
    }

    @Test
    void mayAcceptDoesNotMoveTheWindow() {
        ReplayWindow w = new ReplayWindow(128);
        w.accept(10);
        assertThat(w.mayAccept(1_000_000)).isTrue();
        assertThat(w.highest()).isEqualTo(10);
        assertThat(w.mayAccept(9)).isTrue();
    }

    @Test
    void highestThirtyTwoBitSequenceIsAcceptedAndNothingBeyond() {
        ReplayWindow w = new ReplayWindow(128);
        assertThat(w.accept(0xFFFF_FFFFL)).isTrue();
        assertThat(w.mayAccept(0x1_0000_0000L)).isFalse();
    }

    @Test
    void windowSizeOutsideSupportedRangeIsRefused() {
        assertThatThrownBy(() -> new ReplayWindow(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayWindow(8192)).isInstanceOf(IllegalArgumentException.class);
    }
}

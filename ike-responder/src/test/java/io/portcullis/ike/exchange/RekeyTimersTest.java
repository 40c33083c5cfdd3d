package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.exchange.policy.RekeyTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The clocks of what the gateway initiates: rekey jitter, retransmission backoff, DPD sequence numbers. */
class RekeyTimersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void softTimeIsSpreadOverTheLastTenthBeforeNinetyPercentAndKilobytesAreNinetyPercent() {
        Random random = new Random(7);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            LifetimeLimits limits = RekeyTiming.limits(3600, 1000, random);
            assertThat(limits.softTime()).isBetween(Duration.ofSeconds(2880), Duration.ofSeconds(3240));
            assertThat(limits.hardTime()).isEqualTo(Duration.ofHours(1));
            assertThat(limits.softKilobytes()).isEqualTo(900);
            seen.add(limits.softTime());
        }
        assertThat(seen).as("drawn, not fixed").hasSizeGreaterThan(1000);
        assertThat(RekeyTiming.limits(0, 500, random).softTime()).as("no time limit, no soft one").isZero();
    }

    @Test
    void retransmissionWaitsDoubleAndTheTimerGivesUpAfterTheLastOne() {
        RetransmissionTimer timer = new RetransmissionTimer(new RetransmissionTimer.Schedule(Duration.ofSeconds(1), 2), T0);
        assertThat(timer.due(T0.plusMillis(999))).isEqualTo(RetransmissionTimer.Action.WAIT);
        assertThat(timer.due(T0.plusSeconds(1))).isEqualTo(RetransmissionTimer.Action.RESEND);
        assertThat(timer.due(T0.plusMillis(2999))).isEqualTo(RetransmissionTimer.Action.WAIT);
        assertThat(timer.due(T0.plusSeconds(3))).isEqualTo(RetransmissionTimer.Action.RESEND);
        assertThat(timer.due(T0.plusMillis(6999))).isEqualTo(RetransmissionTimer.Action.WAIT);
        assertThat(timer.due(T0.plusSeconds(7))).isEqualTo(RetransmissionTimer.Action.GIVE_UP);
        assertThat(timer.sent()).isEqualTo(3);
    }

    @Test
    void dpdSequenceNumbersWrapAroundAndAcksAreComparedModulo2To32() {
        DeadPeerProbe probe = new DeadPeerProbe(true, -2); // 0xFFFFFFFE
        Duration delay = Duration.ofSeconds(10);
        assertThat(probe.due(T0.plusSeconds(10), T0, delay)).hasValue(-2);
        assertThat(probe.due(T0.plusSeconds(20), T0, delay)).hasValue(-1);
        assertThat(probe.due(T0.plusSeconds(30), T0, delay)).hasValue(0);
        assertThat(probe.acknowledged(1)).as("not sent yet").isFalse();
        assertThat(probe.acknowledged(-3)).as("before the round").isFalse();
        assertThat(probe.acknowledged(0)).isTrue();
        assertThat(probe.deadAt(T0.plusSeconds(1000), delay)).isFalse();
        assertThat(probe.acknowledged(-1)).as("older than the ACK counted").isFalse();
    }

    @Test
    void somethingHeardBeforeTheProbeDoesNotAnswerIt() {
        DeadPeerProbe probe = new DeadPeerProbe(true, 1);
        Duration delay = Duration.ofSeconds(10);
        probe.due(T0.plusSeconds(10), T0, delay);
        probe.heard(T0.plusSeconds(9)); // a late report of older ESP
        assertThat(probe.deadAt(T0.plusSeconds(40), Duration.ofSeconds(30))).isTrue();
        probe.heard(T0.plusSeconds(41));
        assertThat(probe.deadAt(T0.plusSeconds(41), Duration.ofSeconds(30))).isFalse();
    }
}

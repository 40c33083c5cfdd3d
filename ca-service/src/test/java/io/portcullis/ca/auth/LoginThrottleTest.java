package io.portcullis.ca.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void anAddressIsBlockedAfterItsFailuresWithinTheWindowAndOthersAreNot() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(10), 100);
        for (int i = 0; i < 2; i++) {
            throttle.recordFailure("192.0.2.7", T0.plusSeconds(i));
        }
        assertThat(throttle.blocked("192.0.2.7", T0.plusSeconds(5))).isFalse();
        throttle.recordFailure("192.0.2.7", T0.plusSeconds(6));
        assertThat(throttle.blocked("192.0.2.7", T0.plusSeconds(7))).isTrue();
        assertThat(throttle.blocked("192.0.2.8", T0.plusSeconds(7))).isFalse();
        assertThat(throttle.retryAfter("192.0.2.7", T0.plusSeconds(7))).isEqualTo(Duration.ofMinutes(10).minusSeconds(7));
    }

    @Test
    void failuresLeaveTheWindowOneByOne() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(1), 100);
        throttle.recordFailure("a", T0);
        throttle.recordFailure("a", T0.plusSeconds(30));
        assertThat(throttle.blocked("a", T0.plusSeconds(59))).isTrue();
        // The first failure is exactly one window old: it no longer counts.
        assertThat(throttle.blocked("a", T0.plusSeconds(60))).isFalse();
        throttle.recordFailure("a", T0.plusSeconds(61));
        assertThat(throttle.blocked("a", T0.plusSeconds(62))).isTrue();
        assertThat(throttle.blocked("a", T0.plusSeconds(200))).isFalse();
        assertThat(throttle.retryAfter("a", T0.plusSeconds(200))).isEqualTo(Duration.ZERO);
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeenAddress() {
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofHours(1), 2);
        throttle.recordFailure("first", T0);
        throttle.recordFailure("second", T0);
        assertThat(throttle.blocked("first", T0)).isTrue(); // touching "first" makes "second" the eldest
        throttle.recordFailure("third", T0);
        assertThat(throttle.blocked("second", T0)).isFalse();
        assertThat(throttle.blocked("first", T0)).isTrue();
        assertThat(throttle.blocked("third", T0)).isTrue();
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle(1, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle(1, Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

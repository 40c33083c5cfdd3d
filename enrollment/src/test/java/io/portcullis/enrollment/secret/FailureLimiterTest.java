package io.portcullis.enrollment.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void blocksAfterTheAllowanceAndForgetsOutsideTheWindow() {
        MutableClock clock = new MutableClock();
        FailureLimiter limiter = new FailureLimiter(3, Duration.ofMinutes(15), clock, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allowed("peer")).isTrue();
            limiter.recordFailure("peer");
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(limiter.allowed("peer")).isFalse();
        assertThat(limiter.allowed("other")).isTrue();
        assertThat(limiter.retryAfter("peer")).isEqualTo(Duration.ofMinutes(12));
        clock.now = clock.now.plus(Duration.ofMinutes(13));
        assertThat(limiter.allowed("peer")).isTrue();
    }

    @Test
    void boundedNumberOfKeysAndClear() {
        FailureLimiter limiter = new FailureLimiter(1, Duration.ofMinutes(15), new MutableClock(), 2);
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        limiter.recordFailure("c");
        assertThat(limiter.allowed("a")).isTrue(); // evicted, least recently failed
        assertThat(limiter.allowed("c")).isFalse();
        limiter.clear("c");
        assertThat(limiter.allowed("c")).isTrue();
    }
}

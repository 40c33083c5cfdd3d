package io.portcullis.enrollment.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ca.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void blocksAfterTheAllowanceAndForgetsOutsideTheWindow() {
        MutableClock clock = new MutableClock(START);
        FailureLimiter limiter = new FailureLimiter(3, Duration.ofMinutes(15), clock, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allowed("peer")).isTrue();
            limiter.recordFailure("peer");
            clock.advance(Duration.ofSeconds(60));
        }
        assertThat(limiter.allowed("peer")).isFalse();
        assertThat(limiter.allowed("other")).isTrue();
        assertThat(limiter.retryAfter("peer")).isEqualTo(Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(13));
        assertThat(limiter.allowed("peer")).isTrue();
    }

    @Test
    void boundedNumberOfKeysAndClear() {
        FailureLimiter limiter = new FailureLimiter(1, Duration.ofMinutes(15), new MutableClock(START), 2);
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        limiter.recordFailure("c");
        assertThat(limiter.allowed("a")).isTrue(); // evicted, least recently failed
        assertThat(limiter.allowed("c")).isFalse();
        limiter.clear("c");
        assertThat(limiter.allowed("c")).isTrue();
    }
}

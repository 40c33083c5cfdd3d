package io.portcullis.enrollment.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed enrollment attempts per key (a peer, a client address) in a sliding window and
 * says when a key has used up its allowance. Bounded: at most {@code maxKeys} keys are tracked,
 * the least recently failed are forgotten first. Held in memory, so each server instance limits on
 * its own (documented: with N instances an attacker gets at most N times the allowance).
 */
public final class FailureLimiter {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures;

    public FailureLimiter(int maxFailures, Duration window, Clock clock, int maxKeys) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** True while {@code key} has fewer than the allowed failures within the window. */
    public synchronized boolean allowed(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return true;
        }
        prune(recent);
        if (recent.isEmpty()) {
            failures.remove(key);
            return true;
        }
        return recent.size() < maxFailures;
    }

    public synchronized void recordFailure(String key) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(recent);
        recent.addLast(clock.instant());
        while (recent.size() > maxFailures) {
            recent.removeFirst();
        }
    }

    /** When the oldest counted failure leaves the window (for Retry-After). */
    public synchronized Duration retryAfter(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null || recent.isEmpty()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), recent.peekFirst().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized void clear(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(window);
        for (Iterator<Instant> it = recent.iterator(); it.hasNext();) {
            if (it.next().isAfter(cutoff)) {
                break;
            }
            it.remove();
        }
    }
}

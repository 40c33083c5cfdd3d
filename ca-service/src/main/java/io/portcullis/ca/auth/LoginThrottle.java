package io.portcullis.ca.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins per client address in a sliding window. The account lockout stops guessing one
 * account's password; this stops one address from trying many accounts (password spraying) or
 * from locking every account out in turn. Bounded: the least recently seen addresses are
 * forgotten first, so a flood of spoofed-looking sources cannot exhaust memory.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final int maxAddresses;
    private final Map<String, Deque<Instant>> failures;

    public LoginThrottle(int maxFailures, Duration window, int maxAddresses) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException("throttle needs maxFailures >= 1, a positive window and maxAddresses >= 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.failures = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > LoginThrottle.this.maxAddresses;
            }
        };
    }

    /** Whether {@code address} has used up its failures within the window ending {@code now}. */
    public synchronized boolean blocked(String address, Instant now) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return false;
        }
        expire(recent, now);
        if (recent.isEmpty()) {
            failures.remove(address);
            return false;
        }
        return recent.size() >= maxFailures;
    }

    public synchronized void recordFailure(String address, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        expire(recent, now);
        recent.addLast(now);
        while (recent.size() > maxFailures) {
            recent.removeFirst(); // only the last maxFailures matter for the decision
        }
    }

    /** When the oldest counted failure leaves the window: what a client should wait for. */
    public synchronized Duration retryAfter(String address, Instant now) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null || recent.isEmpty()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, recent.peekFirst().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void expire(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }
}

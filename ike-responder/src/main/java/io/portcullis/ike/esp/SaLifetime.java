package io.portcullis.ike.esp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lifetime counters of one SA: octets and packets processed, creation time, and which thresholds have
 * been reported. Byte counts are of the inner (plaintext) packets, as IKE lifetimes describe traffic
 * protected, not wire overhead.
 */
public final class SaLifetime {
    private static final int ACTIVE = 0;
    private static final int SOFT = 1;
    private static final int HARD = 2;

    private final LifetimeLimits limits;
    private final Clock clock;
    private final Instant created;
    private final long softDeadline;
    private final long hardDeadline;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicInteger reported = new AtomicInteger(ACTIVE);

    SaLifetime(LifetimeLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.created = clock.instant();
        // Deadlines in epoch milliseconds, so that the per-packet check reads clock.millis() and allocates nothing.
        long start = created.toEpochMilli();
        this.softDeadline = deadline(start, limits.softTime());
        this.hardDeadline = deadline(start, limits.hardTime());
    }

    private static long deadline(long start, Duration limit) {
        return limit.isZero() ? Long.MAX_VALUE : start + limit.toMillis();
    }

    public LifetimeLimits limits() {
        return limits;
    }

    public Instant created() {
        return created;
    }

    public long bytes() {
        return bytes.get();
    }

    public long packets() {
        return packets.get();
    }

    /** Whether the hard limit (time or octets) is reached. Does not report an event. */
    public boolean isExpired() {
        return level(bytes.get()) == HARD;
    }

    /** Whether the soft limit is reached (and so a rekey is wanted), including when expired. */
    public boolean isRekeyWanted() {
        return level(bytes.get()) >= SOFT;
    }

    /** Counts one processed packet and reports a threshold that it (or the clock) crossed. */
    LifetimeEvent record(int innerBytes) {
        packets.incrementAndGet();
        return transition(level(bytes.addAndGet(innerBytes)));
    }

    /** Reports a threshold crossed by time alone; for a timer that sweeps idle SAs. */
    public LifetimeEvent poll() {
        return transition(level(bytes.get()));
    }

    private int level(long octets) {
        long now = clock.millis();
        if (now >= hardDeadline || (limits.hardKilobytes() > 0 && octets >= limits.hardBytes())) {
            return HARD;
        }
        if (now >= softDeadline || (limits.softKilobytes() > 0 && octets >= limits.softBytes())) {
            return SOFT;
        }
        return ACTIVE;
    }

    /** Raises the reported level monotonically; only the caller that raises it gets the event. */
    private LifetimeEvent transition(int level) {
        while (true) {
            int before = reported.get();
            if (level <= before) {
                return LifetimeEvent.NONE;
            }
            if (reported.compareAndSet(before, level)) {
                return level == HARD ? LifetimeEvent.HARD_LIMIT_REACHED : LifetimeEvent.SOFT_LIMIT_REACHED;
            }
        }
    }
}

package io.portcullis.ca.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that a test sets and moves by hand, for the code that takes an injected
 * {@link Clock}. Shared with the other modules' tests through ca-service's test jar.
 * Readable from other threads (the application's request threads) while the test moves it.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        synchronized (this) {
            now = now.plus(by);
        }
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The application works in UTC instants only; another zone would be a bug worth seeing. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the application only uses UTC instants");
    }
}

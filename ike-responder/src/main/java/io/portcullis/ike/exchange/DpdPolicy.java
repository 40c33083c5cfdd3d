package io.portcullis.ike.exchange;

import java.time.Duration;
import java.util.Objects;

/**
 * Dead peer detection (RFC 3706) as the gateway runs it. Active ({@code delay} positive): a peer that
 * announced DPD and has been silent for {@code delay} gets an R-U-THERE, another every {@code delay} while
 * none is answered, and is dead when {@code timeout} passes after the first unanswered one. Passive
 * ({@code delay} zero): only a peer that sends R-U-THERE itself and then is silent for {@code timeout} is
 * dead. RFC 3706 §5.5 leaves both to local policy; strongSwan sends R-U-THERE every {@code dpd_delay} and
 * gives up after {@code dpd_timeout} the same way.
 */
public record DpdPolicy(Duration delay, Duration timeout) {

    public DpdPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(timeout, "timeout");
        if (delay.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("DPD delay must be >= 0 and timeout > 0: " + delay + ", " + timeout);
        }
    }

    /** Never sends R-U-THERE; only peers that run DPD themselves are watched. */
    public static DpdPolicy passive(Duration timeout) {
        return new DpdPolicy(Duration.ZERO, timeout);
    }

    public boolean active() {
        return !delay.isZero();
    }
}

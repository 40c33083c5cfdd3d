package io.portcullis.ike.esp;

import java.time.Duration;
import java.util.Objects;

/**
 * Soft and hard SA lifetimes in time and in kilobytes (RFC 2407 §4.5 "SA Life Type": seconds and
 * kilobytes). A zero duration or zero kilobytes means "no limit of that kind". Reaching a soft limit asks
 * for a rekey; reaching a hard limit ends the SA (RFC 4301 §4.4.2.1).
 */
public record LifetimeLimits(Duration softTime, Duration hardTime, long softKilobytes, long hardKilobytes) {

    public LifetimeLimits {
        Objects.requireNonNull(softTime, "softTime");
        Objects.requireNonNull(hardTime, "hardTime");
        if (softTime.isNegative() || hardTime.isNegative() || softKilobytes < 0 || hardKilobytes < 0) {
            throw new IllegalArgumentException("lifetimes must not be negative");
        }
        if (!softTime.isZero() && !hardTime.isZero() && softTime.compareTo(hardTime) > 0) {
            throw new IllegalArgumentException("soft time lifetime exceeds hard lifetime");
        }
        if (softKilobytes > 0 && hardKilobytes > 0 && softKilobytes > hardKilobytes) {
            throw new IllegalArgumentException("soft kilobyte lifetime exceeds hard lifetime");
        }
    }

    public static LifetimeLimits unlimited() {
        return new LifetimeLimits(Duration.ZERO, Duration.ZERO, 0, 0);
    }

    public static LifetimeLimits ofTime(Duration soft, Duration hard) {
        return new LifetimeLimits(soft, hard, 0, 0);
    }

    public LifetimeLimits withKilobytes(long soft, long hard) {
        return new LifetimeLimits(softTime, hardTime, soft, hard);
    }

    /** IKEv1 counts kilobytes of 1024 octets (RFC 2407 §4.5). */
    long softBytes() {
        return softKilobytes * 1024;
    }

    long hardBytes() {
        return hardKilobytes * 1024;
    }
}

package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.LifetimeLimits;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When an IPsec SA is due for a rekey (its soft limits), from its hard limits. Like strongSwan, whose
 * rekey time is its {@code rekey_time} minus a random part of {@code rand_time}, the soft time limit is
 * drawn anew for every SA from between 80 % and 90 % of the hard one: two gateways that negotiated the
 * same lifetime do not both start a Quick Mode at the same instant, and one rekey still has a tenth of
 * the lifetime (a 1 h SA: at least 6 min) to finish. Kilobyte limits are counted separately at each end
 * (each counts what it sends and receives), so their soft limit is a plain 90 %.
 */
public final class RekeyTiming {

    /** The latest soft limit, as a share of the hard one. */
    static final int SOFT_PERCENT = 90;
    /** The random part drawn off the latest soft limit: at most this share of the hard one. */
    static final int JITTER_PERCENT = 10;

    private RekeyTiming() {
    }

    /**
     * @param hardSeconds 0 for no time limit (then no soft one either)
     * @param hardKilobytes 0 for no volume limit
     */
    public static LifetimeLimits limits(long hardSeconds, long hardKilobytes, RandomGenerator random) {
        Duration hard = Duration.ofSeconds(hardSeconds);
        long latestMillis = hard.toMillis() * SOFT_PERCENT / 100;
        long jitterMillis = hard.toMillis() * JITTER_PERCENT / 100;
        long softMillis = jitterMillis > 0 ? latestMillis - random.nextLong(jitterMillis + 1) : latestMillis;
        return new LifetimeLimits(Duration.ofMillis(softMillis), hard, hardKilobytes * SOFT_PERCENT / 100,
                hardKilobytes);
    }
}

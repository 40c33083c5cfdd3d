package io.portcullis.revocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** CRL publishing ({@code portcullis.crl.*}); validated at startup. */
@ConfigMapping(prefix = "portcullis.crl")
public interface CrlConfig {

    /** nextUpdate − thisUpdate of full CRLs. A full CRL is re-issued at half this age. */
    @WithDefault("PT24H")
    Duration validity();

    /** nextUpdate − thisUpdate of delta CRLs; re-issued at half this age. */
    @WithDefault("PT1H")
    Duration deltaValidity();

    /** Pause after a revocation before re-issuing, so a burst of revocations costs one CRL. */
    @WithDefault("PT2S")
    Duration reissueDelay();

    /**
     * How often each instance checks whether a CRL is due (half-life reached, or revocations made
     * through another instance sharing the database).
     */
    @WithDefault("PT30S")
    Duration checkInterval();
}

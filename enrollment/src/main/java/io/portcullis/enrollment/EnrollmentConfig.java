package io.portcullis.enrollment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code portcullis.enrollment.*}: one-time secrets and the limits on failed enrollment attempts. */
@ConfigMapping(prefix = "portcullis.enrollment")
public interface EnrollmentConfig {

    /** How long a new enrollment secret stays usable. */
    @WithDefault("P7D")
    Duration secretLifetime();

    /** Failed attempts against one peer within {@link #failureWindow()} after which its enrollment is blocked. */
    @WithDefault("5")
    int maxFailuresPerPeer();

    /** Failed attempts from one client address within {@link #failureWindow()} after which it is blocked. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    @WithDefault("PT15M")
    Duration failureWindow();

    /** Base64 key (≥ 32 bytes) for hashing enrollment secrets; generated into the data directory when absent. */
    Optional<String> secretKey();
}

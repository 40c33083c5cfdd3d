package io.portcullis.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the admin UI ({@code portcullis.ui.*}, env {@code PORTCULLIS_UI_...}). */
@ConfigMapping(prefix = "portcullis.ui")
public interface UiConfig {

    /** A session unused for this long ends. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** A session ends this long after login, however active. */
    @WithDefault("PT8H")
    Duration sessionMaxLifetime();

    /** Rows per page of every listing. */
    @WithDefault("25")
    int pageSize();
}

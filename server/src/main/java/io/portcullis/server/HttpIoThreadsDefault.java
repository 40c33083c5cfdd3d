package io.portcullis.server;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Portcullis' default for {@code quarkus.http.io-threads}: one HTTP event loop per two cores
 * (at least one) instead of Vert.x's two per core.
 *
 * <p>Why: OCSP and CRL clients open a new connection for almost every request. Vert.x accepts
 * every connection on one acceptor thread and hands it to an event loop; with more loops than
 * busy cores, each hand-off wakes a sleeping thread. Measured with {@code bin/bench-revocation ocsp}
 * on 2 cores (docs/benchmarks.md): at 8 concurrent clients one loop spent 57 µs of CPU per OCSP
 * response against 88 µs with the default four, and answered 16,200 instead of 10,800 per second.
 * Requests that do real work run on worker threads either way. The environment
 * ({@code QUARKUS_HTTP_IO_THREADS}) or application.properties still override this: a low ordinal.
 */
public class HttpIoThreadsDefault implements ConfigSource {

    static final String PROPERTY = "quarkus.http.io-threads";
    /** Below application.properties (250), the environment (300) and system properties (400). */
    private static final int ORDINAL = 50;

    private final Map<String, String> values = Map.of(PROPERTY, Integer.toString(forCores(Runtime.getRuntime().availableProcessors())));

    static int forCores(int cores) {
        return Math.max(1, cores / 2);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "portcullis-http-io-threads-default";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}

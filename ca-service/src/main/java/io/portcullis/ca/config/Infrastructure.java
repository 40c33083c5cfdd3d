package io.portcullis.ca.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Time and randomness are injected everywhere (never read from statics) so tests can fix them. */
@ApplicationScoped
public class Infrastructure {

    // @Singleton, not @ApplicationScoped: these JDK classes cannot be proxied (SecureRandom has final methods).
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}

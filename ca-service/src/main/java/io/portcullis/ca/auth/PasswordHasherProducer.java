package io.portcullis.ca.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

@ApplicationScoped
public class PasswordHasherProducer {

    @Produces
    @Singleton
    PasswordHasher passwordHasher(SecureRandom random) {
        return new PasswordHasher(random);
    }
}

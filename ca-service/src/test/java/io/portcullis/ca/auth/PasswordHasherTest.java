package io.portcullis.ca.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // Small parameters keep the unit test fast; production uses OWASP's m=19 MiB, t=2.
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1024, 1, 1);

    @Test
    void rightPasswordMatches() {
        String stored = hasher.hash("correct horse battery staple");
        assertThat(stored).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.matches("correct horse battery staple", stored)).isTrue();
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String stored = hasher.hash("correct horse battery staple");
        assertThat(hasher.matches("correct horse battery stapl", stored)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("pw-123456789012")).isNotEqualTo(hasher.hash("pw-123456789012"));
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void productionDefaultsFollowOwaspMinimum() {
        assertThat(new PasswordHasher(new SecureRandom()).hash("pw")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}

package io.portcullis.ca.auth;

import io.portcullis.ca.config.PortcullisConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Issues the short-lived SmallRye JWTs that authenticate admin API calls. */
@ApplicationScoped
public class TokenService {

    public static final String ISSUER = "urn:portcullis:admin-api";

    private final TokenKey key;
    private final Clock clock;
    private final PortcullisConfig config;

    public TokenService(TokenKey key, Clock clock, PortcullisConfig config) {
        this.key = key;
        this.clock = clock;
        this.config = config;
    }

    public IssuedToken issue(String username, Role role) {
        Instant now = clock.instant();
        Instant expires = now.plus(config.auth().tokenLifetime());
        String token = Jwt.issuer(ISSUER)
                .subject(username)
                .upn(username)
                .groups(Set.of(role.wireName()))
                .issuedAt(now)
                .expiresAt(expires)
                .jws()
                .algorithm(SignatureAlgorithm.HS256)
                .sign(key.secretKey());
        return new IssuedToken(token, expires, role);
    }

    public record IssuedToken(String token, Instant expiresAt, Role role) {
    }
}

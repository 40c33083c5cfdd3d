package io.portcullis.ca.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Set;

/**
 * Tells SmallRye JWT how to verify our tokens. The key is generated at run time (not a file named
 * in configuration), so the verification context is produced here instead of from mp.jwt.* keys.
 */
@ApplicationScoped
public class TokenVerification {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo(TokenKey key) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(key.secretKey(), TokenService.ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        info.setExpGracePeriodSecs(0);
        info.setRequireNamedPrincipal(true);
        return info;
    }
}

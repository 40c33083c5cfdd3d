package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What Phase 1 may negotiate. Weak entries count only when {@link GatewayPolicy#allowWeakAlgorithms()}.
 *
 * @param ciphers Phase 1 ciphers
 * @param aesKeyBits AES key sizes accepted (128/192/256)
 * @param prfs hash algorithms (HMAC PRF)
 * @param dhGroups DH group descriptions
 * @param authMethods authentication methods (RSA signatures, pre-shared keys)
 * @param maxLifetime the longest ISAKMP SA lifetime we accept; longer proposals are refused
 *     (RFC 2409 §4.5 has no responder-lifetime notify for Phase 1 that strongSwan honours)
 */
public record Phase1Policy(Set<BlockCipherAlgorithm> ciphers, Set<Integer> aesKeyBits, Set<PrfAlgorithm> prfs,
        Set<Integer> dhGroups, Set<AuthenticationMethod> authMethods, Duration maxLifetime) {

    public Phase1Policy {
        ciphers = Set.copyOf(ciphers);
        aesKeyBits = Set.copyOf(aesKeyBits);
        prfs = Set.copyOf(prfs);
        dhGroups = Set.copyOf(dhGroups);
        authMethods = Set.copyOf(authMethods);
        Objects.requireNonNull(maxLifetime, "maxLifetime");
    }

    /** Other algorithms and methods; AES key sizes and the lifetime stay. */
    public Phase1Policy withAlgorithms(Set<BlockCipherAlgorithm> newCiphers, Set<PrfAlgorithm> newPrfs,
            Set<Integer> groups, Set<AuthenticationMethod> methods) {
        return new Phase1Policy(newCiphers, aesKeyBits, newPrfs, groups, methods, maxLifetime);
    }

    public Phase1Policy withMaxLifetime(Duration lifetime) {
        return new Phase1Policy(ciphers, aesKeyBits, prfs, dhGroups, authMethods, lifetime);
    }
}

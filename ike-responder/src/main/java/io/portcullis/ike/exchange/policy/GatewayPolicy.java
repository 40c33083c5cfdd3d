package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the gateway accepts and offers, as responder and when it proposes (rekeys). Weak algorithms (3DES, SHA-1 in Phase 1 and as the ESP
 * HMAC, MODP-1024) are accepted only when {@link #allowWeakAlgorithms()} is set, even if they
 * are listed: the list says what an operator wants, the flag says they knew it was weak.
 *
 * @param ikeCiphers Phase 1 ciphers
 * @param aesKeyBits AES key sizes accepted in Phase 1 (128/192/256)
 * @param prfs Phase 1 hash algorithms (HMAC PRF)
 * @param dhGroups Phase 1 DH group descriptions
 * @param authMethods accepted Phase 1 authentication methods (RSA signatures, pre-shared keys)
 * @param maxIkeLifetime the longest ISAKMP SA lifetime we accept; longer proposals are refused
 *     (RFC 2409 §4.5 has no responder-lifetime notify for Phase 1 that strongSwan honours)
 * @param espTransforms ESP algorithms accepted in Quick Mode
 * @param pfsGroups DH groups accepted for Quick Mode PFS
 * @param requirePfs refuse Quick Mode proposals without a group description
 * @param childLifetime our IPsec SA lifetime; shorter than proposed gives RESPONDER-LIFETIME
 * @param childLifetimeKilobytes our IPsec SA volume limit, 0 for none
 * @param protectedSubnets the gateway-side networks peers may reach (Quick Mode IDcr)
 * @param fragmentSize largest datagram we send before fragmenting (peer must announce support)
 * @param allowWeakAlgorithms see above
 */
public record GatewayPolicy(
        Set<BlockCipherAlgorithm> ikeCiphers,
        Set<Integer> aesKeyBits,
        Set<PrfAlgorithm> prfs,
        Set<Integer> dhGroups,
        Set<AuthenticationMethod> authMethods,
        Duration maxIkeLifetime,
        Set<EspTransform> espTransforms,
        Set<Integer> pfsGroups,
        boolean requirePfs,
        Duration childLifetime,
        long childLifetimeKilobytes,
        List<IpPrefix> protectedSubnets,
        int fragmentSize,
        boolean allowWeakAlgorithms) {

    public GatewayPolicy {
        ikeCiphers = Set.copyOf(ikeCiphers);
        aesKeyBits = Set.copyOf(aesKeyBits);
        prfs = Set.copyOf(prfs);
        dhGroups = Set.copyOf(dhGroups);
        authMethods = Set.copyOf(authMethods);
        Objects.requireNonNull(maxIkeLifetime, "maxIkeLifetime");
        espTransforms = Set.copyOf(espTransforms);
        pfsGroups = Set.copyOf(pfsGroups);
        Objects.requireNonNull(childLifetime, "childLifetime");
        protectedSubnets = List.copyOf(protectedSubnets);
        if (fragmentSize < 576) {
            throw new IllegalArgumentException("fragment size below the IPv4 minimum datagram of 576");
        }
    }

    /** Strong defaults: AES, SHA-2, MODP 2048+ / ECP, RSA signatures, 1280-byte fragments. */
    public static GatewayPolicy strongDefaults(List<IpPrefix> protectedSubnets) {
        return new GatewayPolicy(
                Set.of(BlockCipherAlgorithm.AES_CBC), Set.of(128, 192, 256),
                Set.of(PrfAlgorithm.HMAC_SHA2_256, PrfAlgorithm.HMAC_SHA2_384, PrfAlgorithm.HMAC_SHA2_512),
                Set.of(14, 15, 16, 19, 20), Set.of(AuthenticationMethod.RSA_SIGNATURES),
                Duration.ofHours(24),
                Set.of(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128),
                        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_256_128),
                        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_384_192),
                        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_512_256),
                        EspTransform.aesGcm16(128), EspTransform.aesGcm16(256)),
                Set.of(14, 15, 16, 19, 20), false, Duration.ofHours(1), 0, protectedSubnets, 1252, false);
    }

    public boolean acceptsCipher(BlockCipherAlgorithm algorithm, int keyBytes) {
        if (!ikeCiphers.contains(algorithm)) {
            return false;
        }
        if (algorithm == BlockCipherAlgorithm.TRIPLE_DES_CBC) {
            return allowWeakAlgorithms;
        }
        return aesKeyBits.contains(keyBytes * 8);
    }

    public boolean acceptsPrf(PrfAlgorithm prf) {
        return prfs.contains(prf) && (prf != PrfAlgorithm.HMAC_SHA1 || allowWeakAlgorithms);
    }

    public boolean acceptsIkeGroup(int group) {
        return dhGroups.contains(group) && (group != 2 || allowWeakAlgorithms);
    }

    public boolean acceptsPfsGroup(int group) {
        return pfsGroups.contains(group) && (group != 2 || allowWeakAlgorithms);
    }

    public boolean acceptsEsp(EspTransform transform) {
        return espTransforms.contains(transform)
                && (transform.integrity() != EspTransform.Integrity.HMAC_SHA1_96 || allowWeakAlgorithms);
    }

    public GatewayPolicy withWeakAlgorithms(boolean allow) {
        return new GatewayPolicy(ikeCiphers, aesKeyBits, prfs, dhGroups, authMethods, maxIkeLifetime,
                espTransforms, pfsGroups, requirePfs, childLifetime, childLifetimeKilobytes, protectedSubnets,
                fragmentSize, allow);
    }

    public GatewayPolicy withPhase1(Set<BlockCipherAlgorithm> ciphers, Set<PrfAlgorithm> newPrfs,
            Set<Integer> groups, Set<AuthenticationMethod> methods) {
        return new GatewayPolicy(ciphers, aesKeyBits, newPrfs, groups, methods, maxIkeLifetime, espTransforms,
                pfsGroups, requirePfs, childLifetime, childLifetimeKilobytes, protectedSubnets, fragmentSize,
                allowWeakAlgorithms);
    }

    public GatewayPolicy withPhase2(Set<EspTransform> transforms, Set<Integer> groups, boolean pfsRequired) {
        return new GatewayPolicy(ikeCiphers, aesKeyBits, prfs, dhGroups, authMethods, maxIkeLifetime, transforms,
                groups, pfsRequired, childLifetime, childLifetimeKilobytes, protectedSubnets, fragmentSize,
                allowWeakAlgorithms);
    }

    public GatewayPolicy withChildLifetime(Duration lifetime, long kilobytes) {
        return new GatewayPolicy(ikeCiphers, aesKeyBits, prfs, dhGroups, authMethods, maxIkeLifetime,
                espTransforms, pfsGroups, requirePfs, lifetime, kilobytes, protectedSubnets, fragmentSize,
                allowWeakAlgorithms);
    }

    public GatewayPolicy withFragmentSize(int size) {
        return new GatewayPolicy(ikeCiphers, aesKeyBits, prfs, dhGroups, authMethods, maxIkeLifetime,
                espTransforms, pfsGroups, requirePfs, childLifetime, childLifetimeKilobytes, protectedSubnets, size,
                allowWeakAlgorithms);
    }
}

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
 * What the gateway accepts and offers, as responder and when it proposes (rekeys). Weak algorithms (3DES,
 * SHA-1 in Phase 1 and as the ESP HMAC, MODP-1024) are accepted only when {@link #allowWeakAlgorithms()} is
 * set, even if they are listed: the list says what an operator wants, the flag says they knew it was weak.
 *
 * @param phase1 what Phase 1 may negotiate
 * @param phase2 what Quick Mode may negotiate, and IPsec SA lifetimes
 * @param protectedSubnets the gateway-side networks peers may reach (Quick Mode IDcr)
 * @param fragmentSize largest datagram we send before fragmenting (peer must announce support)
 * @param allowWeakAlgorithms see above
 */
public record GatewayPolicy(Phase1Policy phase1, Phase2Policy phase2, List<IpPrefix> protectedSubnets,
        int fragmentSize, boolean allowWeakAlgorithms) {

    public GatewayPolicy {
        Objects.requireNonNull(phase1, "phase1");
        Objects.requireNonNull(phase2, "phase2");
        protectedSubnets = List.copyOf(protectedSubnets);
        if (fragmentSize < 576) {
            throw new IllegalArgumentException("fragment size below the IPv4 minimum datagram of 576");
        }
    }

    /** Strong defaults: AES, SHA-2, MODP 2048+ / ECP, RSA signatures, 1280-byte fragments. */
    public static GatewayPolicy strongDefaults(List<IpPrefix> protectedSubnets) {
        Phase1Policy phase1 = new Phase1Policy(Set.of(BlockCipherAlgorithm.AES_CBC), Set.of(128, 192, 256),
                Set.of(PrfAlgorithm.HMAC_SHA2_256, PrfAlgorithm.HMAC_SHA2_384, PrfAlgorithm.HMAC_SHA2_512),
                Set.of(14, 15, 16, 19, 20), Set.of(AuthenticationMethod.RSA_SIGNATURES), Duration.ofHours(24));
        Phase2Policy phase2 = new Phase2Policy(
                Set.of(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128),
                        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_256_128),
                        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_384_192),
                        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_512_256),
                        EspTransform.aesGcm16(128), EspTransform.aesGcm16(256)),
                Set.of(14, 15, 16, 19, 20), false, Duration.ofHours(1), 0);
        return new GatewayPolicy(phase1, phase2, protectedSubnets, 1252, false);
    }

    public boolean acceptsCipher(BlockCipherAlgorithm algorithm, int keyBytes) {
        if (!phase1.ciphers().contains(algorithm)) {
            return false;
        }
        if (algorithm == BlockCipherAlgorithm.TRIPLE_DES_CBC) {
            return allowWeakAlgorithms;
        }
        return phase1.aesKeyBits().contains(keyBytes * 8);
    }

    public boolean acceptsPrf(PrfAlgorithm prf) {
        return phase1.prfs().contains(prf) && (prf != PrfAlgorithm.HMAC_SHA1 || allowWeakAlgorithms);
    }

    public boolean acceptsIkeGroup(int group) {
        return phase1.dhGroups().contains(group) && (group != 2 || allowWeakAlgorithms);
    }

    public boolean acceptsPfsGroup(int group) {
        return phase2.pfsGroups().contains(group) && (group != 2 || allowWeakAlgorithms);
    }

    public boolean acceptsEsp(EspTransform transform) {
        return phase2.espTransforms().contains(transform)
                && (transform.integrity() != EspTransform.Integrity.HMAC_SHA1_96 || allowWeakAlgorithms);
    }

    public GatewayPolicy withWeakAlgorithms(boolean allow) {
        return new GatewayPolicy(phase1, phase2, protectedSubnets, fragmentSize, allow);
    }

    public GatewayPolicy withPhase1(Phase1Policy policy) {
        return new GatewayPolicy(policy, phase2, protectedSubnets, fragmentSize, allowWeakAlgorithms);
    }

    public GatewayPolicy withPhase2(Phase2Policy policy) {
        return new GatewayPolicy(phase1, policy, protectedSubnets, fragmentSize, allowWeakAlgorithms);
    }

    public GatewayPolicy withFragmentSize(int size) {
        return new GatewayPolicy(phase1, phase2, protectedSubnets, size, allowWeakAlgorithms);
    }
}

package io.portcullis.ike.runtime;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.DpdPolicy;
import io.portcullis.ike.exchange.IkeLimits;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.exchange.policy.Phase1Policy;
import io.portcullis.ike.exchange.policy.Phase2Policy;
import io.portcullis.ike.isakmp.ReassemblyLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns {@link IkeSettings} into the protocol core's policy objects. Pure, so that every
 * setting's effect is unit-tested without a socket.
 */
public final class GatewayPolicies {

    /** Revocation strictness, from {@code portcullis.ike.revocation}. */
    public enum RevocationMode { STRICT, SOFT, OFF }

    private GatewayPolicies() {
    }

    public static List<IpPrefix> protectedSubnets(IkeSettings settings) {
        List<IpPrefix> subnets = new ArrayList<>();
        for (String cidr : settings.subnets().orElse(List.of())) {
            if (cidr.isBlank()) {
                continue;
            }
            try {
                subnets.add(IpPrefix.parse(cidr.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("portcullis.ike.subnets: '" + cidr + "' is not a CIDR: " + e.getMessage(), e);
            }
        }
        return subnets;
    }

    /**
     * The strong defaults with the operator's lifetimes and fragment size. With
     * {@code allow-weak} the weak algorithms are listed too (the policy's own flag alone would
     * accept nothing more: the list says what is wanted, the flag that its weakness is known).
     */
    public static GatewayPolicy policy(IkeSettings settings) {
        IkeSettings.Algorithms algorithms = settings.algorithms();
        GatewayPolicy defaults = GatewayPolicy.strongDefaults(protectedSubnets(settings))
                .withFragmentSize(algorithms.fragmentSize());
        Phase1Policy phase1 = defaults.phase1();
        Set<EspTransform> esp = new HashSet<>(defaults.phase2().espTransforms());
        Set<Integer> pfsGroups = new HashSet<>(defaults.phase2().pfsGroups());
        if (algorithms.allowWeak()) {
            Set<BlockCipherAlgorithm> ciphers = new HashSet<>(phase1.ciphers());
            ciphers.add(BlockCipherAlgorithm.TRIPLE_DES_CBC);
            Set<PrfAlgorithm> prfs = new HashSet<>(phase1.prfs());
            prfs.add(PrfAlgorithm.HMAC_SHA1);
            Set<Integer> groups = new HashSet<>(phase1.dhGroups());
            groups.add(2);
            pfsGroups.add(2);
            esp.add(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA1_96));
            esp.add(EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA1_96));
            phase1 = phase1.withAlgorithms(ciphers, prfs, groups, phase1.authMethods());
        }
        Phase2Policy phase2 = defaults.phase2().withLifetime(algorithms.childLifetime(), algorithms.childLifetimeKilobytes())
                .withAlgorithms(esp, pfsGroups, algorithms.requirePfs());
        if (algorithms.maxIkeLifetime().isNegative() || algorithms.maxIkeLifetime().isZero()) {
            throw new IllegalArgumentException("portcullis.ike.algorithms.max-ike-lifetime must be positive");
        }
        return defaults.withPhase1(phase1.withMaxLifetime(algorithms.maxIkeLifetime())).withPhase2(phase2)
                .withWeakAlgorithms(algorithms.allowWeak());
    }

    public static IkeLimits limits(IkeSettings settings) {
        IkeSettings.Limits limits = settings.limits();
        return new IkeLimits(limits.halfOpen(), limits.halfOpenPerSource(), limits.halfOpenTimeout(),
                limits.established(), IkeLimits.defaults().retransmissionEntries(), ReassemblyLimits.defaults());
    }

    /** Active DPD with {@code dpd-delay}, passive when it is 0; the timeout must be positive. */
    public static DpdPolicy dpd(IkeSettings settings) {
        try {
            return new DpdPolicy(settings.dpdDelay(), settings.dpdTimeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("portcullis.ike.dpd-delay / dpd-timeout: " + e.getMessage(), e);
        }
    }

    public static EkuPolicy eku(IkeSettings settings) {
        return switch (settings.eku().strip().toLowerCase(Locale.ROOT)) {
            case "ike-or-tls" -> EkuPolicy.ikeOrTls();
            case "ipsec-ike" -> new EkuPolicy(Set.of(EkuPolicy.IPSEC_IKE));
            case "unchecked" -> EkuPolicy.none();
            default -> throw new IllegalArgumentException("portcullis.ike.eku '" + settings.eku()
                    + "': use ike-or-tls, ipsec-ike or unchecked");
        };
    }

    public static RevocationMode revocation(IkeSettings settings) {
        return switch (settings.revocation().strip().toLowerCase(Locale.ROOT)) {
            case "strict" -> RevocationMode.STRICT;
            case "soft" -> RevocationMode.SOFT;
            case "off" -> RevocationMode.OFF;
            default -> throw new IllegalArgumentException("portcullis.ike.revocation '" + settings.revocation()
                    + "': use strict, soft or off");
        };
    }
}

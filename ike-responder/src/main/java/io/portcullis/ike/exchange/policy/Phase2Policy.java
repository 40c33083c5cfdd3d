package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.EspTransform;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What Quick Mode may negotiate, and the lifetimes we give IPsec SAs. Weak entries count only when
 * {@link GatewayPolicy#allowWeakAlgorithms()}.
 *
 * @param espTransforms ESP algorithms
 * @param pfsGroups DH groups for PFS
 * @param requirePfs refuse proposals without a group description
 * @param childLifetime our IPsec SA lifetime; shorter than proposed gives RESPONDER-LIFETIME
 * @param childLifetimeKilobytes our IPsec SA volume limit, 0 for none
 */
public record Phase2Policy(Set<EspTransform> espTransforms, Set<Integer> pfsGroups, boolean requirePfs,
        Duration childLifetime, long childLifetimeKilobytes) {

    public Phase2Policy {
        espTransforms = Set.copyOf(espTransforms);
        pfsGroups = Set.copyOf(pfsGroups);
        Objects.requireNonNull(childLifetime, "childLifetime");
    }

    /** Other algorithms; the lifetimes stay. */
    public Phase2Policy withAlgorithms(Set<EspTransform> transforms, Set<Integer> groups, boolean pfsRequired) {
        return new Phase2Policy(transforms, groups, pfsRequired, childLifetime, childLifetimeKilobytes);
    }

    public Phase2Policy withLifetime(Duration lifetime, long kilobytes) {
        return new Phase2Policy(espTransforms, pfsGroups, requirePfs, lifetime, kilobytes);
    }
}

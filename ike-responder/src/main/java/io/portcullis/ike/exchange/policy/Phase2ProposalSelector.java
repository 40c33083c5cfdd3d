package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhGroups;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.EspTransformId;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the first acceptable ESP transform in the initiator's order (RFC 2408 §4.2). Only
 * single-protocol ESP tunnel proposals are supported: proposals sharing a number form an AND
 * bundle (e.g. AH+ESP, IPComp) and are skipped as a whole (RFC 2408 §3.5).
 */
public final class Phase2ProposalSelector {

    private static final Set<Integer> UNDERSTOOD = Set.of(
            IpsecAttributeType.SA_LIFE_TYPE.value(), IpsecAttributeType.SA_LIFE_DURATION.value(),
            IpsecAttributeType.GROUP_DESCRIPTION.value(), IpsecAttributeType.ENCAPSULATION_MODE.value(),
            IpsecAttributeType.AUTHENTICATION_ALGORITHM.value(), IpsecAttributeType.KEY_LENGTH.value());

    private final GatewayPolicy policy;
    private final boolean natTraversal;

    /** @param natTraversal RFC 3947 was negotiated in Phase 1, so UDP-encapsulated modes are valid */
    public Phase2ProposalSelector(GatewayPolicy policy, boolean natTraversal) {
        this.policy = policy;
        this.natTraversal = natTraversal;
    }

    public Optional<Phase2Selection> select(SecurityAssociationPayload sa) {
        Map<Integer, Long> perNumber = sa.proposals().stream()
                .collect(Collectors.groupingBy(ProposalPayload::number, Collectors.counting()));
        for (ProposalPayload proposal : sa.proposals()) {
            if (perNumber.get(proposal.number()) != 1 || !proposal.protocol().equals(ProtocolId.IPSEC_ESP)
                    || proposal.spi().length() != 4) {
                continue;
            }
            int peerSpi = java.nio.ByteBuffer.wrap(proposal.spi().toByteArray()).getInt();
            if (Integer.compareUnsigned(peerSpi, 256) < 0) {
                continue; // RFC 4303 §2.1: 0 and 1..255 are not usable SPIs
            }
            for (TransformPayload transform : proposal.transforms()) {
                Optional<Phase2Selection> chosen = evaluate(proposal.number(), peerSpi, transform);
                if (chosen.isPresent()) {
                    return chosen;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Phase2Selection> evaluate(int number, int peerSpi, TransformPayload transform) {
        if (transform.attributes().stream().anyMatch(a -> !UNDERSTOOD.contains(a.type()))) {
            return Optional.empty();
        }
        Function<IpsecAttributeType, Integer> basic = type -> transform.attribute(type)
                .filter(a -> a.value().length() <= 2).map(DataAttribute::unsignedValue).map(v -> v.intValue())
                .orElse(0);
        Optional<EspTransform> esp = EspTransformMapping.toEspTransform(EspTransformId.valueOf(transform.transformId()),
                basic.apply(IpsecAttributeType.KEY_LENGTH), basic.apply(IpsecAttributeType.AUTHENTICATION_ALGORITHM));
        if (esp.isEmpty() || !policy.acceptsEsp(esp.get())) {
            return Optional.empty();
        }
        // RFC 2407 §4.5: without the attribute the mode is unspecified; tunnel is the only one we run
        int modeValue = basic.apply(IpsecAttributeType.ENCAPSULATION_MODE);
        EncapsulationMode mode = modeValue == 0 ? EncapsulationMode.TUNNEL : EncapsulationMode.valueOf(modeValue);
        if (!mode.isTunnel() || (mode.isUdpEncapsulated() && !natTraversal)) {
            return Optional.empty();
        }
        int groupId = basic.apply(IpsecAttributeType.GROUP_DESCRIPTION);
        Optional<DhGroup> group = Optional.empty();
        if (groupId != 0) {
            group = DhGroups.byId(groupId);
            if (group.isEmpty() || !policy.acceptsPfsGroup(groupId)) {
                return Optional.empty();
            }
        } else if (policy.phase2().requirePfs()) {
            return Optional.empty();
        }
        Optional<Lifetimes> lifetimes = Lifetimes.parse(transform.attributes(), IpsecAttributeType.SA_LIFE_TYPE.value(),
                IpsecAttributeType.SA_LIFE_DURATION.value());
        if (lifetimes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Phase2Selection(number, transform, peerSpi, esp.get(), mode, group, lifetimes.get()));
    }
}

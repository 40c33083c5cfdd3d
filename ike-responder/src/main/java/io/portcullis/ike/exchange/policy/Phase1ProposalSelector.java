package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhGroups;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.Phase1AttributeType;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Picks the first Phase 1 transform, in the initiator's order of preference (RFC 2408 §4.2),
 * that the policy accepts. A transform with any attribute we cannot honour (a PRF attribute,
 * private groups, unknown types) is skipped as a whole: accepting it while ignoring the
 * attribute would derive keys the initiator does not have.
 */
public final class Phase1ProposalSelector {

    /** RFC 2407 §4.5: the default lifetime when none is proposed. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
    private static final Set<Integer> UNDERSTOOD = Set.of(
            Phase1AttributeType.ENCRYPTION_ALGORITHM.value(), Phase1AttributeType.HASH_ALGORITHM.value(),
            Phase1AttributeType.AUTHENTICATION_METHOD.value(), Phase1AttributeType.GROUP_DESCRIPTION.value(),
            Phase1AttributeType.LIFE_TYPE.value(), Phase1AttributeType.LIFE_DURATION.value(),
            Phase1AttributeType.KEY_LENGTH.value());

    private final GatewayPolicy policy;
    private final Predicate<AuthenticationMethod> methodUsable;

    /**
     * @param methodUsable whether we hold what an authentication method needs for this peer
     *     (our certificate for signatures, a pre-shared key for its address)
     */
    public Phase1ProposalSelector(GatewayPolicy policy, Predicate<AuthenticationMethod> methodUsable) {
        this.policy = policy;
        this.methodUsable = methodUsable;
    }

    public Optional<Phase1Selection> select(SecurityAssociationPayload sa) {
        for (ProposalPayload proposal : sa.proposals()) {
            if (!proposal.protocol().equals(ProtocolId.ISAKMP)) {
                continue;
            }
            for (TransformPayload transform : proposal.transforms()) {
                if (transform.transformId() != TransformPayload.KEY_IKE) {
                    continue;
                }
                Optional<Phase1Selection> chosen = evaluate(proposal.number(), transform);
                if (chosen.isPresent()) {
                    return chosen;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Phase1Selection> evaluate(int proposalNumber, TransformPayload transform) {
        if (transform.attributes().stream().anyMatch(a -> !UNDERSTOOD.contains(a.type()))) {
            return Optional.empty();
        }
        Optional<Integer> encryption = basic(transform, Phase1AttributeType.ENCRYPTION_ALGORITHM);
        Optional<Integer> hash = basic(transform, Phase1AttributeType.HASH_ALGORITHM);
        Optional<Integer> method = basic(transform, Phase1AttributeType.AUTHENTICATION_METHOD);
        Optional<Integer> groupId = basic(transform, Phase1AttributeType.GROUP_DESCRIPTION);
        if (encryption.isEmpty() || hash.isEmpty() || method.isEmpty() || groupId.isEmpty()) {
            return Optional.empty(); // RFC 2409 Appendix A: these four are mandatory
        }
        Optional<BlockCipherAlgorithm> algorithm = BlockCipherAlgorithm.byIkeId(encryption.get());
        Optional<PrfAlgorithm> prf = PrfAlgorithm.byIkeHashId(hash.get());
        Optional<DhGroup> group = DhGroups.byId(groupId.get());
        AuthenticationMethod authMethod = AuthenticationMethod.valueOf(method.get());
        if (algorithm.isEmpty() || prf.isEmpty() || group.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> keyBits = basic(transform, Phase1AttributeType.KEY_LENGTH);
        int keyBytes = keyBits.map(bits -> bits / 8).orElse(algorithm.get().defaultKeyLength());
        if (keyBits.isPresent() && (keyBits.get() % 8 != 0 || !algorithm.get().supportsKeyLength(keyBytes))) {
            return Optional.empty();
        }
        if (algorithm.get() == BlockCipherAlgorithm.AES_CBC && keyBits.isEmpty()) {
            return Optional.empty(); // RFC 3602 §5: AES needs an explicit key length in IKE
        }
        if (!policy.acceptsCipher(algorithm.get(), keyBytes) || !policy.acceptsPrf(prf.get())
                || !policy.acceptsIkeGroup(groupId.get()) || !policy.phase1().authMethods().contains(authMethod)
                || !methodUsable.test(authMethod)) {
            return Optional.empty();
        }
        Optional<Lifetimes> lifetimes = Lifetimes.parse(transform.attributes(),
                Phase1AttributeType.LIFE_TYPE.value(), Phase1AttributeType.LIFE_DURATION.value());
        if (lifetimes.isEmpty()) {
            return Optional.empty();
        }
        Duration lifetime = lifetimes.get().seconds() == 0 ? DEFAULT_LIFETIME : Duration.ofSeconds(lifetimes.get().seconds());
        if (lifetime.compareTo(policy.phase1().maxLifetime()) > 0 || lifetimes.get().kilobytes() != 0) {
            return Optional.empty(); // no kilobyte lifetimes for ISAKMP SAs: nothing would count them
        }
        return Optional.of(new Phase1Selection(proposalNumber, transform, new IkeCipher(algorithm.get(), keyBytes),
                prf.get(), group.get(), authMethod, lifetime.compareTo(policy.phase1().maxLifetime()) > 0
                        ? policy.phase1().maxLifetime() : lifetime));
    }

    /** A numeric attribute that must fit 16 bits; variable-length encodings of these are refused. */
    static Optional<Integer> basic(TransformPayload transform, Phase1AttributeType type) {
        Optional<DataAttribute> attribute = transform.attribute(type);
        if (attribute.isEmpty() || attribute.get().value().length() > 2) {
            return Optional.empty();
        }
        return Optional.of(attribute.get().unsignedValue().intValue());
    }
}

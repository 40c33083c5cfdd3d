package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.LifeType;
import io.portcullis.ike.isakmp.Phase1AttributeType;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Phase 1 SA payload the gateway offers when it initiates: one ISAKMP proposal whose transforms are
 * every combination the policy accepts (the responder picks one and echoes it, RFC 2408 §4.2), so a
 * responder that is Portcullis itself accepts exactly what it would accept from a peer. Preference: AES
 * before 3DES, longer keys first, then PRF, DH group and method in the policy's own order of strength.
 */
public final class Phase1Proposals {

    /** Transforms per proposal; the number field is one octet, and a long offer only slows both ends down. */
    static final int MAX_TRANSFORMS = 64;

    private Phase1Proposals() {
    }

    /** @param methodUsable whether we hold what a method needs for this peer (certificate, pre-shared key) */
    public static SecurityAssociationPayload offer(GatewayPolicy policy, Predicate<AuthenticationMethod> methodUsable) {
        List<TransformPayload> transforms = new ArrayList<>();
        List<BlockCipherAlgorithm> ciphers = policy.phase1().ciphers().stream()
                .sorted(Comparator.comparing(c -> c == BlockCipherAlgorithm.AES_CBC ? 0 : 1)).toList();
        List<PrfAlgorithm> prfs = policy.phase1().prfs().stream().filter(policy::acceptsPrf).sorted().toList();
        List<Integer> groups = policy.phase1().dhGroups().stream().filter(policy::acceptsIkeGroup).sorted().toList();
        List<AuthenticationMethod> methods = policy.phase1().authMethods().stream().filter(methodUsable)
                .sorted(Comparator.comparingInt(AuthenticationMethod::value).reversed()).toList();
        for (BlockCipherAlgorithm cipher : ciphers) {
            List<Integer> keyBits = cipher == BlockCipherAlgorithm.AES_CBC
                    ? policy.phase1().aesKeyBits().stream().sorted(Comparator.reverseOrder()).toList()
                    : List.of(cipher.defaultKeyLength() * 8);
            for (int bits : keyBits) {
                if (!policy.acceptsCipher(cipher, bits / 8)) {
                    continue;
                }
                for (PrfAlgorithm prf : prfs) {
                    for (int group : groups) {
                        for (AuthenticationMethod method : methods) {
                            if (transforms.size() < MAX_TRANSFORMS) {
                                transforms.add(transform(transforms.size() + 1, cipher, bits, prf, group, method,
                                        policy.phase1().maxLifetime().toSeconds()));
                            }
                        }
                    }
                }
            }
        }
        if (transforms.isEmpty()) {
            throw new IllegalStateException("the policy offers no usable Phase 1 transform");
        }
        return SecurityAssociationPayload.of(List.of(new ProposalPayload(1, ProtocolId.ISAKMP, Bytes.EMPTY, transforms)));
    }

    private static TransformPayload transform(int number, BlockCipherAlgorithm cipher, int keyBits, PrfAlgorithm prf,
            int group, AuthenticationMethod method, long lifetimeSeconds) {
        List<DataAttribute> attributes = new ArrayList<>();
        attributes.add(DataAttribute.of(Phase1AttributeType.ENCRYPTION_ALGORITHM, cipher.ikeId()));
        if (cipher == BlockCipherAlgorithm.AES_CBC) {
            attributes.add(DataAttribute.of(Phase1AttributeType.KEY_LENGTH, keyBits)); // RFC 3602 §5: explicit
        }
        attributes.add(DataAttribute.of(Phase1AttributeType.HASH_ALGORITHM, prf.ikeHashId()));
        attributes.add(DataAttribute.of(Phase1AttributeType.AUTHENTICATION_METHOD, method.value()));
        attributes.add(DataAttribute.of(Phase1AttributeType.GROUP_DESCRIPTION, group));
        attributes.add(DataAttribute.of(Phase1AttributeType.LIFE_TYPE, LifeType.SECONDS.value()));
        attributes.add(DataAttribute.of(Phase1AttributeType.LIFE_DURATION, lifetimeSeconds));
        return new TransformPayload(number, TransformPayload.KEY_IKE, attributes);
    }
}

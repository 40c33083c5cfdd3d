package io.portcullis.ike.harness;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhGroups;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.LifeType;
import io.portcullis.ike.isakmp.Phase1AttributeType;
import io.portcullis.ike.isakmp.TransformPayload;
import java.util.ArrayList;
import java.util.List;

/** The Phase 1 transform the test initiator proposes. */
public record InitiatorSuite(BlockCipherAlgorithm cipher, int keyBits, PrfAlgorithm prf, int group,
        AuthenticationMethod auth, long lifetimeSeconds) {

    public static InitiatorSuite of(BlockCipherAlgorithm cipher, int keyBits, PrfAlgorithm prf, int group) {
        return new InitiatorSuite(cipher, keyBits, prf, group, AuthenticationMethod.RSA_SIGNATURES, 10800);
    }

    /** strongSwan's aes128-sha256-modp2048. */
    public static InitiatorSuite strongSwanDefault() {
        return of(BlockCipherAlgorithm.AES_CBC, 128, PrfAlgorithm.HMAC_SHA2_256, 14);
    }

    public InitiatorSuite withAuth(AuthenticationMethod method) {
        return new InitiatorSuite(cipher, keyBits, prf, group, method, lifetimeSeconds);
    }

    public IkeCipher ikeCipher() {
        return new IkeCipher(cipher, keyBits / 8);
    }

    public DhGroup dhGroup() {
        return DhGroups.byId(group).orElseThrow();
    }

    public TransformPayload transform(int number) {
        List<DataAttribute> attributes = new ArrayList<>();
        attributes.add(DataAttribute.of(Phase1AttributeType.ENCRYPTION_ALGORITHM, cipher.ikeId()));
        if (cipher == BlockCipherAlgorithm.AES_CBC) {
            attributes.add(DataAttribute.of(Phase1AttributeType.KEY_LENGTH, keyBits));
        }
        attributes.add(DataAttribute.of(Phase1AttributeType.HASH_ALGORITHM, prf.ikeHashId()));
        attributes.add(DataAttribute.of(Phase1AttributeType.AUTHENTICATION_METHOD, auth.value()));
        attributes.add(DataAttribute.of(Phase1AttributeType.GROUP_DESCRIPTION, group));
        attributes.add(DataAttribute.of(Phase1AttributeType.LIFE_TYPE, LifeType.SECONDS.value()));
        attributes.add(DataAttribute.of(Phase1AttributeType.LIFE_DURATION, lifetimeSeconds));
        return new TransformPayload(number, TransformPayload.KEY_IKE, attributes);
    }

    @Override
    public String toString() {
        return cipher + "-" + keyBits + "/" + prf + "/" + group;
    }
}

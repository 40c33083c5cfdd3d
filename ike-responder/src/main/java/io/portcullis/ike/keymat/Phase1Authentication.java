package io.portcullis.ike.keymat;

/**
 * The authentication method class that decides how SKEYID is computed (RFC 2409 §5).
 * Public key encryption modes (§5.2, §5.3) are not supported by this responder.
 */
public sealed interface Phase1Authentication {

    /** RSA, DSS or ECDSA signatures: SKEYID = prf(Ni_b | Nr_b, g^xy). */
    record Signatures() implements Phase1Authentication {
    }

    /** Pre-shared key: SKEYID = prf(pre-shared-key, Ni_b | Nr_b). */
    record PreSharedKey(byte[] key) implements Phase1Authentication {

        public PreSharedKey {
            if (key.length == 0) {
                throw new IllegalArgumentException("pre-shared key must not be empty");
            }
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        /** Never prints the key. */
        @Override
        public String toString() {
            return "PreSharedKey[" + key.length + " bytes]";
        }
    }
}

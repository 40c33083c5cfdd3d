package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.isakmp.AuthenticationAlgorithm;
import io.portcullis.ike.isakmp.EspTransformId;
import java.util.Optional;

/**
 * IKEv1 ESP transform IDs and attributes (RFC 2407 §4.4.4 / §4.5, RFC 3602, RFC 4106, RFC 4868)
 * to the data plane's {@link EspTransform}, and back for the harness and logs.
 */
public final class EspTransformMapping {

    private EspTransformMapping() {
    }

    /**
     * @param keyBits the KEY_LENGTH attribute, 0 when absent (then refused: RFC 3602 §5 and
     *     RFC 4106 §8.4 require it for AES, whose key length is variable)
     * @param authentication the AUTHENTICATION_ALGORITHM attribute, 0 when absent
     */
    public static Optional<EspTransform> toEspTransform(EspTransformId id, int keyBits, int authentication) {
        if (keyBits != 128 && keyBits != 192 && keyBits != 256) {
            return Optional.empty();
        }
        if (id.equals(EspTransformId.AES_GCM_16)) {
            // RFC 4106 §8.4: a combined mode must not be paired with an authentication algorithm
            return authentication == 0 ? Optional.of(EspTransform.aesGcm16(keyBits)) : Optional.empty();
        }
        if (!id.equals(EspTransformId.AES_CBC)) {
            return Optional.empty();
        }
        return integrity(AuthenticationAlgorithm.valueOf(authentication)).map(i -> EspTransform.aesCbc(keyBits, i));
    }

    static Optional<EspTransform.Integrity> integrity(AuthenticationAlgorithm algorithm) {
        return switch (algorithm.value()) {
            case 2 -> Optional.of(EspTransform.Integrity.HMAC_SHA1_96);
            case 5 -> Optional.of(EspTransform.Integrity.HMAC_SHA2_256_128);
            case 6 -> Optional.of(EspTransform.Integrity.HMAC_SHA2_384_192);
            case 7 -> Optional.of(EspTransform.Integrity.HMAC_SHA2_512_256);
            default -> Optional.empty();
        };
    }

    /** The transform ID for a data plane transform. */
    public static EspTransformId transformId(EspTransform transform) {
        return transform.encryption() == EspTransform.Encryption.AES_GCM_16
                ? EspTransformId.AES_GCM_16 : EspTransformId.AES_CBC;
    }

    /** The AUTHENTICATION_ALGORITHM value, or 0 for a combined mode (no attribute is sent). */
    public static int authenticationAlgorithm(EspTransform transform) {
        return switch (transform.integrity()) {
            case NONE -> 0;
            case HMAC_SHA1_96 -> 2;
            case HMAC_SHA2_256_128 -> 5;
            case HMAC_SHA2_384_192 -> 6;
            case HMAC_SHA2_512_256 -> 7;
        };
    }
}

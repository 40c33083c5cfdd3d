package io.portcullis.ike.isakmp;

/**
 * A Phase 1 encryption algorithm attribute value (RFC 2409 Appendix A, IANA IKE attributes).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record EncryptionAlgorithm(int value) {

    public static final EncryptionAlgorithm DES_CBC = new EncryptionAlgorithm(1);
    public static final EncryptionAlgorithm IDEA_CBC = new EncryptionAlgorithm(2);
    public static final EncryptionAlgorithm BLOWFISH_CBC = new EncryptionAlgorithm(3);
    public static final EncryptionAlgorithm RC5_R16_B64_CBC = new EncryptionAlgorithm(4);
    public static final EncryptionAlgorithm TRIPLE_DES_CBC = new EncryptionAlgorithm(5);
    public static final EncryptionAlgorithm CAST_CBC = new EncryptionAlgorithm(6);
    /** RFC 3602; needs a KEY_LENGTH attribute. */
    public static final EncryptionAlgorithm AES_CBC = new EncryptionAlgorithm(7);
    public static final EncryptionAlgorithm CAMELLIA_CBC = new EncryptionAlgorithm(8);

    private static final ValueNames<EncryptionAlgorithm> NAMES = ValueNames.scan(EncryptionAlgorithm.class, EncryptionAlgorithm::value);

    public EncryptionAlgorithm {
        ValueNames.checkRange(value, 0xFFFF, "encryption algorithm");
    }

    public static EncryptionAlgorithm valueOf(int value) {
        EncryptionAlgorithm known = NAMES.constant(value);
        return known != null ? known : new EncryptionAlgorithm(value);
    }

    /** Whether this value is one of the constants above. */
    public boolean isKnown() {
        return NAMES.isKnown(value);
    }

    @Override
    public String toString() {
        return NAMES.describe(value);
    }
}

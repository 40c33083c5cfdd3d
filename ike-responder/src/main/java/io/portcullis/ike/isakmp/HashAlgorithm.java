package io.portcullis.ike.isakmp;

/**
 * A Phase 1 hash algorithm attribute value (RFC 2409 Appendix A, RFC 4868).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record HashAlgorithm(int value) {

    public static final HashAlgorithm MD5 = new HashAlgorithm(1);
    public static final HashAlgorithm SHA1 = new HashAlgorithm(2);
    public static final HashAlgorithm TIGER = new HashAlgorithm(3);
    public static final HashAlgorithm SHA2_256 = new HashAlgorithm(4);
    public static final HashAlgorithm SHA2_384 = new HashAlgorithm(5);
    public static final HashAlgorithm SHA2_512 = new HashAlgorithm(6);

    private static final ValueNames<HashAlgorithm> NAMES = ValueNames.scan(HashAlgorithm.class, HashAlgorithm::value);

    public HashAlgorithm {
        ValueNames.checkRange(value, 0xFFFF, "hash algorithm");
    }

    public static HashAlgorithm valueOf(int value) {
        HashAlgorithm known = NAMES.constant(value);
        return known != null ? known : new HashAlgorithm(value);
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

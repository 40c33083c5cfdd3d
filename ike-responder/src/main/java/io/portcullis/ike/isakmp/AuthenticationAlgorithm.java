package io.portcullis.ike.isakmp;

/**
 * An IPsec DOI authentication algorithm attribute value (RFC 2407 §4.5, RFC 4868, RFC 3566).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record AuthenticationAlgorithm(int value) {

    public static final AuthenticationAlgorithm HMAC_MD5 = new AuthenticationAlgorithm(1);
    public static final AuthenticationAlgorithm HMAC_SHA1 = new AuthenticationAlgorithm(2);
    public static final AuthenticationAlgorithm DES_MAC = new AuthenticationAlgorithm(3);
    public static final AuthenticationAlgorithm KPDK = new AuthenticationAlgorithm(4);
    /** RFC 4868, truncated to 128 bits. */
    public static final AuthenticationAlgorithm HMAC_SHA2_256 = new AuthenticationAlgorithm(5);
    public static final AuthenticationAlgorithm HMAC_SHA2_384 = new AuthenticationAlgorithm(6);
    public static final AuthenticationAlgorithm HMAC_SHA2_512 = new AuthenticationAlgorithm(7);
    public static final AuthenticationAlgorithm HMAC_RIPEMD = new AuthenticationAlgorithm(8);
    public static final AuthenticationAlgorithm AES_XCBC_MAC = new AuthenticationAlgorithm(9);

    private static final ValueNames<AuthenticationAlgorithm> NAMES = ValueNames.scan(AuthenticationAlgorithm.class, AuthenticationAlgorithm::value);

    public AuthenticationAlgorithm {
        ValueNames.checkRange(value, 0xFFFF, "authentication algorithm");
    }

    public static AuthenticationAlgorithm valueOf(int value) {
        AuthenticationAlgorithm known = NAMES.constant(value);
        return known != null ? known : new AuthenticationAlgorithm(value);
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

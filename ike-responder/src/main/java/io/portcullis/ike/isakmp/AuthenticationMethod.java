package io.portcullis.ike.isakmp;

/**
 * A Phase 1 authentication method attribute value (RFC 2409 Appendix A, RFC 4754).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record AuthenticationMethod(int value) {

    public static final AuthenticationMethod PRE_SHARED_KEY = new AuthenticationMethod(1);
    public static final AuthenticationMethod DSS_SIGNATURES = new AuthenticationMethod(2);
    /** What Portcullis uses. */
    public static final AuthenticationMethod RSA_SIGNATURES = new AuthenticationMethod(3);
    public static final AuthenticationMethod RSA_ENCRYPTION = new AuthenticationMethod(4);
    public static final AuthenticationMethod RSA_ENCRYPTION_REVISED = new AuthenticationMethod(5);
    public static final AuthenticationMethod ECDSA_SHA256_P256 = new AuthenticationMethod(9);
    public static final AuthenticationMethod ECDSA_SHA384_P384 = new AuthenticationMethod(10);
    public static final AuthenticationMethod ECDSA_SHA512_P521 = new AuthenticationMethod(11);

    private static final ValueNames<AuthenticationMethod> NAMES = ValueNames.scan(AuthenticationMethod.class, AuthenticationMethod::value);

    public AuthenticationMethod {
        ValueNames.checkRange(value, 0xFFFF, "authentication method");
    }

    public static AuthenticationMethod valueOf(int value) {
        AuthenticationMethod known = NAMES.constant(value);
        return known != null ? known : new AuthenticationMethod(value);
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

package io.portcullis.ike.isakmp;

/**
 * A Phase 1 (ISAKMP SA) transform attribute type (RFC 2409 Appendix A).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record Phase1AttributeType(int value) {

    public static final Phase1AttributeType ENCRYPTION_ALGORITHM = new Phase1AttributeType(1);
    public static final Phase1AttributeType HASH_ALGORITHM = new Phase1AttributeType(2);
    public static final Phase1AttributeType AUTHENTICATION_METHOD = new Phase1AttributeType(3);
    public static final Phase1AttributeType GROUP_DESCRIPTION = new Phase1AttributeType(4);
    public static final Phase1AttributeType GROUP_TYPE = new Phase1AttributeType(5);
    public static final Phase1AttributeType GROUP_PRIME = new Phase1AttributeType(6);
    public static final Phase1AttributeType GROUP_GENERATOR_ONE = new Phase1AttributeType(7);
    public static final Phase1AttributeType GROUP_GENERATOR_TWO = new Phase1AttributeType(8);
    public static final Phase1AttributeType GROUP_CURVE_A = new Phase1AttributeType(9);
    public static final Phase1AttributeType GROUP_CURVE_B = new Phase1AttributeType(10);
    public static final Phase1AttributeType LIFE_TYPE = new Phase1AttributeType(11);
    /** Variable length when it does not fit 16 bits. */
    public static final Phase1AttributeType LIFE_DURATION = new Phase1AttributeType(12);
    public static final Phase1AttributeType PRF = new Phase1AttributeType(13);
    public static final Phase1AttributeType KEY_LENGTH = new Phase1AttributeType(14);
    public static final Phase1AttributeType FIELD_SIZE = new Phase1AttributeType(15);
    public static final Phase1AttributeType GROUP_ORDER = new Phase1AttributeType(16);

    private static final ValueNames<Phase1AttributeType> NAMES = ValueNames.scan(Phase1AttributeType.class, Phase1AttributeType::value);

    public Phase1AttributeType {
        ValueNames.checkRange(value, 0x7FFF, "phase 1 attribute type");
    }

    public static Phase1AttributeType valueOf(int value) {
        Phase1AttributeType known = NAMES.constant(value);
        return known != null ? known : new Phase1AttributeType(value);
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

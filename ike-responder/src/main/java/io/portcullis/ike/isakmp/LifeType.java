package io.portcullis.ike.isakmp;

/**
 * The unit of a following life duration attribute, numbered alike in Phase 1 and IPsec DOI attributes.
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record LifeType(int value) {

    public static final LifeType SECONDS = new LifeType(1);
    public static final LifeType KILOBYTES = new LifeType(2);

    private static final ValueNames<LifeType> NAMES = ValueNames.scan(LifeType.class, LifeType::value);

    public LifeType {
        ValueNames.checkRange(value, 0xFFFF, "life type");
    }

    public static LifeType valueOf(int value) {
        LifeType known = NAMES.constant(value);
        return known != null ? known : new LifeType(value);
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

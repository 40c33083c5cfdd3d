package io.portcullis.ike.isakmp;

/**
 * A Domain of Interpretation (RFC 2408 §3.4; 32 bits on the wire, stored as its bit pattern).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record Doi(int value) {

    /** Generic ISAKMP notifications. */
    public static final Doi ISAKMP = new Doi(0);
    /** RFC 2407. */
    public static final Doi IPSEC = new Doi(1);

    private static final ValueNames<Doi> NAMES = ValueNames.scan(Doi.class, Doi::value);

    public static Doi valueOf(int value) {
        Doi known = NAMES.constant(value);
        return known != null ? known : new Doi(value);
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

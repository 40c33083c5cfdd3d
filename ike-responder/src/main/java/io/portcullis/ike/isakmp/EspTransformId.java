package io.portcullis.ike.isakmp;

/**
 * An IPsec ESP transform identifier (RFC 2407 §4.4.4, IANA); in ESP proposals it names the cipher.
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record EspTransformId(int value) {

    public static final EspTransformId DES_IV64 = new EspTransformId(1);
    public static final EspTransformId DES = new EspTransformId(2);
    public static final EspTransformId TRIPLE_DES = new EspTransformId(3);
    public static final EspTransformId RC5 = new EspTransformId(4);
    public static final EspTransformId IDEA = new EspTransformId(5);
    public static final EspTransformId CAST = new EspTransformId(6);
    public static final EspTransformId BLOWFISH = new EspTransformId(7);
    public static final EspTransformId THREE_IDEA = new EspTransformId(8);
    public static final EspTransformId DES_IV32 = new EspTransformId(9);
    public static final EspTransformId RC4 = new EspTransformId(10);
    public static final EspTransformId NULL = new EspTransformId(11);
    /** RFC 3602. */
    public static final EspTransformId AES_CBC = new EspTransformId(12);
    public static final EspTransformId AES_CTR = new EspTransformId(13);
    public static final EspTransformId AES_CCM_8 = new EspTransformId(14);
    public static final EspTransformId AES_CCM_12 = new EspTransformId(15);
    public static final EspTransformId AES_CCM_16 = new EspTransformId(16);
    public static final EspTransformId AES_GCM_8 = new EspTransformId(18);
    public static final EspTransformId AES_GCM_12 = new EspTransformId(19);
    public static final EspTransformId AES_GCM_16 = new EspTransformId(20);

    private static final ValueNames<EspTransformId> NAMES = ValueNames.scan(EspTransformId.class, EspTransformId::value);

    public EspTransformId {
        ValueNames.checkRange(value, 0xFF, "ESP transform id");
    }

    public static EspTransformId valueOf(int value) {
        EspTransformId known = NAMES.constant(value);
        return known != null ? known : new EspTransformId(value);
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

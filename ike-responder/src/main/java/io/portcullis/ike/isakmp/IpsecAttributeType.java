package io.portcullis.ike.isakmp;

/**
 * A Phase 2 (IPsec DOI) transform attribute type (RFC 2407 §4.5).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record IpsecAttributeType(int value) {

    public static final IpsecAttributeType SA_LIFE_TYPE = new IpsecAttributeType(1);
    /** Variable length when it does not fit 16 bits. */
    public static final IpsecAttributeType SA_LIFE_DURATION = new IpsecAttributeType(2);
    public static final IpsecAttributeType GROUP_DESCRIPTION = new IpsecAttributeType(3);
    public static final IpsecAttributeType ENCAPSULATION_MODE = new IpsecAttributeType(4);
    public static final IpsecAttributeType AUTHENTICATION_ALGORITHM = new IpsecAttributeType(5);
    public static final IpsecAttributeType KEY_LENGTH = new IpsecAttributeType(6);
    public static final IpsecAttributeType KEY_ROUNDS = new IpsecAttributeType(7);
    public static final IpsecAttributeType COMPRESS_DICTIONARY_SIZE = new IpsecAttributeType(8);
    public static final IpsecAttributeType COMPRESS_PRIVATE_ALGORITHM = new IpsecAttributeType(9);

    private static final ValueNames<IpsecAttributeType> NAMES = ValueNames.scan(IpsecAttributeType.class, IpsecAttributeType::value);

    public IpsecAttributeType {
        ValueNames.checkRange(value, 0x7FFF, "IPsec attribute type");
    }

    public static IpsecAttributeType valueOf(int value) {
        IpsecAttributeType known = NAMES.constant(value);
        return known != null ? known : new IpsecAttributeType(value);
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

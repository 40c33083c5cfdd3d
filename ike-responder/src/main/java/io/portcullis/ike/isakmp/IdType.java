package io.portcullis.ike.isakmp;

/**
 * An IPsec DOI identification type (RFC 2407 §4.6.2.1).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record IdType(int value) {

    public static final IdType IPV4_ADDR = new IdType(1);
    public static final IdType FQDN = new IdType(2);
    public static final IdType USER_FQDN = new IdType(3);
    public static final IdType IPV4_ADDR_SUBNET = new IdType(4);
    public static final IdType IPV6_ADDR = new IdType(5);
    public static final IdType IPV6_ADDR_SUBNET = new IdType(6);
    public static final IdType IPV4_ADDR_RANGE = new IdType(7);
    public static final IdType IPV6_ADDR_RANGE = new IdType(8);
    public static final IdType DER_ASN1_DN = new IdType(9);
    public static final IdType DER_ASN1_GN = new IdType(10);
    public static final IdType KEY_ID = new IdType(11);

    private static final ValueNames<IdType> NAMES = ValueNames.scan(IdType.class, IdType::value);

    public IdType {
        ValueNames.checkRange(value, 0xFF, "ID type");
    }

    public static IdType valueOf(int value) {
        IdType known = NAMES.constant(value);
        return known != null ? known : new IdType(value);
    }

    /** Whether this value is one of the constants above. */
    public boolean isKnown() {
        return NAMES.isKnown(value);
    }

    /**
     * The data length an address-valued ID must have (address, address+mask, or two addresses),
     * or -1 when the type carries variable-length data.
     */
    public int fixedDataLength() {
        return switch (value) {
            case 1 -> 4;
            case 4, 7 -> 8;
            case 5 -> 16;
            case 6, 8 -> 32;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return NAMES.describe(value);
    }
}

package io.portcullis.ike.isakmp;

/**
 * A Diffie-Hellman group, numbered alike in Phase 1 (RFC 2409 App. A) and IPsec DOI (RFC 2407 §4.5) attributes.
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record GroupDescription(int value) {

    public static final GroupDescription MODP_768 = new GroupDescription(1);
    public static final GroupDescription MODP_1024 = new GroupDescription(2);
    public static final GroupDescription EC2N_155 = new GroupDescription(3);
    public static final GroupDescription EC2N_185 = new GroupDescription(4);
    public static final GroupDescription MODP_1536 = new GroupDescription(5);
    /** RFC 3526. */
    public static final GroupDescription MODP_2048 = new GroupDescription(14);
    public static final GroupDescription MODP_3072 = new GroupDescription(15);
    public static final GroupDescription MODP_4096 = new GroupDescription(16);
    public static final GroupDescription MODP_6144 = new GroupDescription(17);
    public static final GroupDescription MODP_8192 = new GroupDescription(18);
    /** RFC 5903. */
    public static final GroupDescription ECP_256 = new GroupDescription(19);
    public static final GroupDescription ECP_384 = new GroupDescription(20);
    public static final GroupDescription ECP_521 = new GroupDescription(21);
    /** RFC 5114. */
    public static final GroupDescription MODP_1024_160 = new GroupDescription(22);
    public static final GroupDescription MODP_2048_224 = new GroupDescription(23);
    public static final GroupDescription MODP_2048_256 = new GroupDescription(24);

    private static final ValueNames<GroupDescription> NAMES = ValueNames.scan(GroupDescription.class, GroupDescription::value);

    public GroupDescription {
        ValueNames.checkRange(value, 0xFFFF, "group description");
    }

    public static GroupDescription valueOf(int value) {
        GroupDescription known = NAMES.constant(value);
        return known != null ? known : new GroupDescription(value);
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

package io.portcullis.ike.isakmp;

/**
 * A protocol identifier in Proposal, Notification and Delete payloads (RFC 2407 §4.4.1).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record ProtocolId(int value) {

    /** Used by notifications that concern no SA. */
    public static final ProtocolId RESERVED = new ProtocolId(0);
    public static final ProtocolId ISAKMP = new ProtocolId(1);
    public static final ProtocolId IPSEC_AH = new ProtocolId(2);
    public static final ProtocolId IPSEC_ESP = new ProtocolId(3);
    public static final ProtocolId IPCOMP = new ProtocolId(4);

    private static final ValueNames<ProtocolId> NAMES = ValueNames.scan(ProtocolId.class, ProtocolId::value);

    public ProtocolId {
        ValueNames.checkRange(value, 0xFF, "protocol id");
    }

    public static ProtocolId valueOf(int value) {
        ProtocolId known = NAMES.constant(value);
        return known != null ? known : new ProtocolId(value);
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

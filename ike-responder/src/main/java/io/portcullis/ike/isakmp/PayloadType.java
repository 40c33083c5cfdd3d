package io.portcullis.ike.isakmp;

/**
 * An ISAKMP payload type (RFC 2408 §3.1, RFC 3947 §3, and the private-use IKE fragment payload).
 * Unknown types are kept as values so that their payloads survive decoding as opaque payloads.
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record PayloadType(int value) {

    /** Terminates a payload chain. */
    public static final PayloadType NONE = new PayloadType(0);
    public static final PayloadType SECURITY_ASSOCIATION = new PayloadType(1);
    /** Only inside an SA payload. */
    public static final PayloadType PROPOSAL = new PayloadType(2);
    /** Only inside a Proposal. */
    public static final PayloadType TRANSFORM = new PayloadType(3);
    public static final PayloadType KEY_EXCHANGE = new PayloadType(4);
    public static final PayloadType IDENTIFICATION = new PayloadType(5);
    public static final PayloadType CERTIFICATE = new PayloadType(6);
    public static final PayloadType CERTIFICATE_REQUEST = new PayloadType(7);
    public static final PayloadType HASH = new PayloadType(8);
    public static final PayloadType SIGNATURE = new PayloadType(9);
    public static final PayloadType NONCE = new PayloadType(10);
    public static final PayloadType NOTIFICATION = new PayloadType(11);
    public static final PayloadType DELETE = new PayloadType(12);
    public static final PayloadType VENDOR_ID = new PayloadType(13);
    /** RFC 3947. */
    public static final PayloadType NAT_D = new PayloadType(20);
    /** RFC 3947. */
    public static final PayloadType NAT_OA = new PayloadType(21);
    /** Draft-ietf-ipsec-nat-t-ike-02/03, seen from old peers; kept opaque. */
    public static final PayloadType NAT_D_DRAFT = new PayloadType(130);
    /** Draft-ietf-ipsec-nat-t-ike-02/03; kept opaque. */
    public static final PayloadType NAT_OA_DRAFT = new PayloadType(131);
    /** Cisco/strongSwan IKEv1 fragmentation. */
    public static final PayloadType FRAGMENT = new PayloadType(132);

    private static final ValueNames<PayloadType> NAMES = ValueNames.scan(PayloadType.class, PayloadType::value);

    public PayloadType {
        ValueNames.checkRange(value, 0xFF, "payload type");
    }

    public static PayloadType valueOf(int value) {
        PayloadType known = NAMES.constant(value);
        return known != null ? known : new PayloadType(value);
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

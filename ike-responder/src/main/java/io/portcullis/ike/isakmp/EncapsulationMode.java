package io.portcullis.ike.isakmp;

/**
 * An IPsec DOI encapsulation mode (RFC 2407 §4.5, RFC 3947 §5 for the UDP-encapsulated modes,
 * 61443/61444 from draft-ietf-ipsec-nat-t-ike-02/03 as still sent by some peers).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record EncapsulationMode(int value) {

    public static final EncapsulationMode TUNNEL = new EncapsulationMode(1);
    public static final EncapsulationMode TRANSPORT = new EncapsulationMode(2);
    /** RFC 3947. */
    public static final EncapsulationMode UDP_ENCAPSULATED_TUNNEL = new EncapsulationMode(3);
    /** RFC 3947. */
    public static final EncapsulationMode UDP_ENCAPSULATED_TRANSPORT = new EncapsulationMode(4);
    public static final EncapsulationMode UDP_ENCAPSULATED_TUNNEL_DRAFT = new EncapsulationMode(61443);
    public static final EncapsulationMode UDP_ENCAPSULATED_TRANSPORT_DRAFT = new EncapsulationMode(61444);

    private static final ValueNames<EncapsulationMode> NAMES = ValueNames.scan(EncapsulationMode.class, EncapsulationMode::value);

    public EncapsulationMode {
        ValueNames.checkRange(value, 0xFFFF, "encapsulation mode");
    }

    public static EncapsulationMode valueOf(int value) {
        EncapsulationMode known = NAMES.constant(value);
        return known != null ? known : new EncapsulationMode(value);
    }

    /** Whether this value is one of the constants above. */
    public boolean isKnown() {
        return NAMES.isKnown(value);
    }

    /** Whether ESP travels in UDP (RFC 3948), in either the RFC or the draft numbering. */
    public boolean isUdpEncapsulated() {
        return value == 3 || value == 4 || value == 61443 || value == 61444;
    }

    /** Whether this is a tunnel mode, in either the plain or a UDP-encapsulated form. */
    public boolean isTunnel() {
        return value == 1 || value == 3 || value == 61443;
    }

    @Override
    public String toString() {
        return NAMES.describe(value);
    }
}

package io.portcullis.ike.isakmp;

/**
 * A notify message type: RFC 2408 §3.14.1 errors (1..30), RFC 2407 §4.6.3 status types,
 * and the RFC 3706 dead peer detection messages.
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record NotifyType(int value) {

    public static final NotifyType INVALID_PAYLOAD_TYPE = new NotifyType(1);
    public static final NotifyType DOI_NOT_SUPPORTED = new NotifyType(2);
    public static final NotifyType SITUATION_NOT_SUPPORTED = new NotifyType(3);
    public static final NotifyType INVALID_COOKIE = new NotifyType(4);
    public static final NotifyType INVALID_MAJOR_VERSION = new NotifyType(5);
    public static final NotifyType INVALID_MINOR_VERSION = new NotifyType(6);
    public static final NotifyType INVALID_EXCHANGE_TYPE = new NotifyType(7);
    public static final NotifyType INVALID_FLAGS = new NotifyType(8);
    public static final NotifyType INVALID_MESSAGE_ID = new NotifyType(9);
    public static final NotifyType INVALID_PROTOCOL_ID = new NotifyType(10);
    public static final NotifyType INVALID_SPI = new NotifyType(11);
    public static final NotifyType INVALID_TRANSFORM_ID = new NotifyType(12);
    public static final NotifyType ATTRIBUTES_NOT_SUPPORTED = new NotifyType(13);
    public static final NotifyType NO_PROPOSAL_CHOSEN = new NotifyType(14);
    public static final NotifyType BAD_PROPOSAL_SYNTAX = new NotifyType(15);
    public static final NotifyType PAYLOAD_MALFORMED = new NotifyType(16);
    public static final NotifyType INVALID_KEY_INFORMATION = new NotifyType(17);
    public static final NotifyType INVALID_ID_INFORMATION = new NotifyType(18);
    public static final NotifyType INVALID_CERT_ENCODING = new NotifyType(19);
    public static final NotifyType INVALID_CERTIFICATE = new NotifyType(20);
    public static final NotifyType CERT_TYPE_UNSUPPORTED = new NotifyType(21);
    public static final NotifyType INVALID_CERT_AUTHORITY = new NotifyType(22);
    public static final NotifyType INVALID_HASH_INFORMATION = new NotifyType(23);
    public static final NotifyType AUTHENTICATION_FAILED = new NotifyType(24);
    public static final NotifyType INVALID_SIGNATURE = new NotifyType(25);
    public static final NotifyType ADDRESS_NOTIFICATION = new NotifyType(26);
    public static final NotifyType NOTIFY_SA_LIFETIME = new NotifyType(27);
    public static final NotifyType CERTIFICATE_UNAVAILABLE = new NotifyType(28);
    public static final NotifyType UNSUPPORTED_EXCHANGE_TYPE = new NotifyType(29);
    public static final NotifyType UNEQUAL_PAYLOAD_LENGTHS = new NotifyType(30);
    public static final NotifyType CONNECTED = new NotifyType(16384);
    /** RFC 2407 §4.6.3.1. */
    public static final NotifyType RESPONDER_LIFETIME = new NotifyType(24576);
    /** RFC 2407 §4.6.3.2. */
    public static final NotifyType REPLAY_STATUS = new NotifyType(24577);
    /** RFC 2407 §4.6.3.3. */
    public static final NotifyType INITIAL_CONTACT = new NotifyType(24578);
    /** RFC 3706. */
    public static final NotifyType R_U_THERE = new NotifyType(36136);
    /** RFC 3706. */
    public static final NotifyType R_U_THERE_ACK = new NotifyType(36137);

    private static final ValueNames<NotifyType> NAMES = ValueNames.scan(NotifyType.class, NotifyType::value);

    public NotifyType {
        ValueNames.checkRange(value, 0xFFFF, "notify message type");
    }

    public static NotifyType valueOf(int value) {
        NotifyType known = NAMES.constant(value);
        return known != null ? known : new NotifyType(value);
    }

    /** Whether this value is one of the constants above. */
    public boolean isKnown() {
        return NAMES.isKnown(value);
    }

    /** Types below 16384 report errors; the rest are status messages (RFC 2408 §3.14.1). */
    public boolean isError() {
        return value < 16384;
    }

    @Override
    public String toString() {
        return NAMES.describe(value);
    }
}

package io.portcullis.ike.isakmp;

/**
 * An ISAKMP exchange type (RFC 2408 §3.1, RFC 2409 §5, §9).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record ExchangeType(int value) {

    public static final ExchangeType NONE = new ExchangeType(0);
    public static final ExchangeType BASE = new ExchangeType(1);
    /** Main Mode in RFC 2409. */
    public static final ExchangeType IDENTITY_PROTECTION = new ExchangeType(2);
    public static final ExchangeType AUTHENTICATION_ONLY = new ExchangeType(3);
    public static final ExchangeType AGGRESSIVE = new ExchangeType(4);
    public static final ExchangeType INFORMATIONAL = new ExchangeType(5);
    /** Mode Config / XAUTH (draft), not used by Portcullis. */
    public static final ExchangeType TRANSACTION = new ExchangeType(6);
    public static final ExchangeType QUICK_MODE = new ExchangeType(32);
    public static final ExchangeType NEW_GROUP_MODE = new ExchangeType(33);

    private static final ValueNames<ExchangeType> NAMES = ValueNames.scan(ExchangeType.class, ExchangeType::value);

    public ExchangeType {
        ValueNames.checkRange(value, 0xFF, "exchange type");
    }

    public static ExchangeType valueOf(int value) {
        ExchangeType known = NAMES.constant(value);
        return known != null ? known : new ExchangeType(value);
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

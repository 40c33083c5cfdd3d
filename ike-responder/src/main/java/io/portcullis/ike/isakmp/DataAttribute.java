package io.portcullis.ike.isakmp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ISAKMP data attribute (RFC 2408 §3.3). The type is kept as a plain 15-bit number because
 * its meaning depends on the proposal's protocol: see {@link #phase1Type()} (ISAKMP proposals,
 * RFC 2409 App. A) and {@link #ipsecType()} (AH/ESP proposals, RFC 2407 §4.5). The format is
 * recorded as received so that re-encoding reproduces the bytes the peer sent.
 */
public record DataAttribute(int type, AttributeFormat format, Bytes value) {

    static final int FORMAT_BIT = 0x8000;
    static final int HEADER_LENGTH = 4;

    public DataAttribute {
        ValueNames.checkRange(type, 0x7FFF, "attribute type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(value, "value");
        if (format == AttributeFormat.BASIC && value.length() != 2) {
            throw new IllegalArgumentException("a basic attribute holds exactly 2 bytes: " + value.length());
        }
        if (value.length() > 0xFFFF) {
            throw new IllegalArgumentException("attribute value longer than 65535 bytes");
        }
    }

    /** A basic (TV) attribute with a 16-bit value. */
    public static DataAttribute basic(int type, int value) {
        ValueNames.checkRange(value, 0xFFFF, "basic attribute value");
        return new DataAttribute(type, AttributeFormat.BASIC, Bytes.ofUnsigned(value, 2));
    }

    public static DataAttribute variable(int type, Bytes value) {
        return new DataAttribute(type, AttributeFormat.VARIABLE, value);
    }

    /**
     * A numeric attribute in the form the encoder picks: basic when the value fits 16 bits,
     * otherwise variable with 4 bytes (8 beyond 32 bits). This is why a lifetime of 64 KiB or
     * more seconds/kilobytes is always sent variable-length, as RFC 2407/2409 require.
     */
    public static DataAttribute of(int type, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("attribute values are unsigned: " + value);
        }
        if (value <= 0xFFFF) {
            return basic(type, (int) value);
        }
        int width = value <= 0xFFFF_FFFFL ? 4 : 8;
        return variable(type, Bytes.ofUnsigned(value, width));
    }

    public static DataAttribute of(Phase1AttributeType type, long value) {
        return of(type.value(), value);
    }

    public static DataAttribute of(IpsecAttributeType type, long value) {
        return of(type.value(), value);
    }

    public Phase1AttributeType phase1Type() {
        return Phase1AttributeType.valueOf(type);
    }

    public IpsecAttributeType ipsecType() {
        return IpsecAttributeType.valueOf(type);
    }

    /** The value as an unsigned big-endian number, whatever its length. */
    public BigInteger unsignedValue() {
        return new BigInteger(1, value.toByteArray());
    }

    /**
     * The value as a {@code long}.
     *
     * @throws ArithmeticException when a variable-length value does not fit 63 bits, which a
     *     peer may send; callers treat that as an unacceptable attribute, not a crash
     */
    public long longValue() {
        return unsignedValue().longValueExact();
    }

    /** Encoded size on the wire. */
    int encodedLength() {
        return format == AttributeFormat.BASIC ? HEADER_LENGTH : HEADER_LENGTH + value.length();
    }

    void writeTo(WireWriter out) {
        if (format == AttributeFormat.BASIC) {
            out.u16(FORMAT_BIT | type);
            out.bytes(value);
        } else {
            out.u16(type);
            out.u16(value.length());
            out.bytes(value);
        }
    }

    static DataAttribute readFrom(WireReader in) throws IsakmpDecodeException {
        int typeField = in.u16();
        int type = typeField & 0x7FFF;
        if ((typeField & FORMAT_BIT) != 0) {
            return new DataAttribute(type, AttributeFormat.BASIC, in.bytes(2));
        }
        int length = in.u16();
        if (length > in.remaining()) {
            throw in.fail(DecodeFailure.MALFORMED_ATTRIBUTE,
                    "attribute " + type + " length " + length + " exceeds the " + in.remaining() + " bytes left");
        }
        return new DataAttribute(type, AttributeFormat.VARIABLE, in.bytes(length));
    }

    /**
     * A bare attribute list, as in the data of a RESPONDER-LIFETIME notify (RFC 2407 §4.6.3.1), bounded like
     * a transform's attributes.
     */
    public static List<DataAttribute> decodeList(Bytes data) throws IsakmpDecodeException {
        WireReader in = WireReader.over(data.toByteArray(), 0, DecodeFailure.MALFORMED_ATTRIBUTE);
        List<DataAttribute> attributes = new ArrayList<>();
        while (in.hasRemaining()) {
            if (attributes.size() == TransformPayload.MAX_ATTRIBUTES) {
                throw in.fail(DecodeFailure.TOO_MANY_ELEMENTS, "more than " + TransformPayload.MAX_ATTRIBUTES + " attributes");
            }
            attributes.add(readFrom(in));
        }
        return List.copyOf(attributes);
    }

    @Override
    public String toString() {
        return "Attr(" + type + (format == AttributeFormat.BASIC ? "=" : ":=") + value + ")";
    }
}

package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * A NAT-OA payload (RFC 3947 §5.2): a Quick Mode peer's original address, needed to fix up
 * TCP/UDP checksums in transport mode. Only IPV4_ADDR and IPV6_ADDR are allowed.
 */
public record NatOriginalAddressPayload(IdType idType, Bytes address) implements PayloadBody {

    static final int FIXED_BODY = 4;

    public NatOriginalAddressPayload {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(address, "address");
        if (!idType.equals(IdType.IPV4_ADDR) && !idType.equals(IdType.IPV6_ADDR)) {
            throw new IllegalArgumentException("NAT-OA takes IPV4_ADDR or IPV6_ADDR, not " + idType);
        }
        if (address.length() != idType.fixedDataLength()) {
            throw new IllegalArgumentException(idType + " needs " + idType.fixedDataLength() + " bytes");
        }
    }

    @Override
    public PayloadType type() {
        return PayloadType.NAT_OA;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u8(idType.value());
        out.u8(0);
        out.u16(0);
        out.bytes(address);
        return Bytes.of(out.toByteArray());
    }

    static NatOriginalAddressPayload decode(WireReader body) throws IsakmpDecodeException {
        IdType idType = IdType.valueOf(body.u8());
        // RESERVED must be zero (RFC 3947 §5.2); rejecting non-zero keeps re-encoding exact
        if (body.u8() != 0 || body.u16() != 0) {
            throw body.fail(DecodeFailure.MALFORMED_BODY, "NAT-OA reserved bytes are not zero");
        }
        boolean v4 = idType.equals(IdType.IPV4_ADDR) && body.remaining() == 4;
        boolean v6 = idType.equals(IdType.IPV6_ADDR) && body.remaining() == 16;
        if (!v4 && !v6) {
            throw body.fail(DecodeFailure.MALFORMED_BODY,
                    "NAT-OA " + idType + " with " + body.remaining() + " address bytes");
        }
        return new NatOriginalAddressPayload(idType, body.rest());
    }
}

package io.portcullis.ike.isakmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Delete payload (RFC 2408 §3.15). The SPI size is a field of its own because a payload
 * may list no SPIs at all; every listed SPI must have exactly that size. For an ISAKMP SA the
 * "SPI" is the cookie pair (16 bytes).
 */
public record DeletePayload(Doi doi, ProtocolId protocol, int spiSize, List<Bytes> spis) implements PayloadBody {

    static final int FIXED_BODY = 8;

    public DeletePayload {
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(protocol, "protocol");
        ValueNames.checkRange(spiSize, 0xFF, "SPI size");
        spis = List.copyOf(Objects.requireNonNull(spis, "spis"));
        ValueNames.checkRange(spis.size(), 0xFFFF, "SPI count");
        for (Bytes spi : spis) {
            if (spi.length() != spiSize) {
                throw new IllegalArgumentException("SPI of " + spi.length() + " bytes in a delete of size " + spiSize);
            }
        }
    }

    /** An IPsec DOI delete for SPIs of equal size (4 bytes for ESP). */
    public static DeletePayload of(ProtocolId protocol, List<Bytes> spis) {
        if (spis.isEmpty()) {
            throw new IllegalArgumentException("use the canonical constructor to delete nothing");
        }
        return new DeletePayload(Doi.IPSEC, protocol, spis.get(0).length(), spis);
    }

    @Override
    public PayloadType type() {
        return PayloadType.DELETE;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u32(doi.value());
        out.u8(protocol.value());
        out.u8(spiSize);
        out.u16(spis.size());
        for (Bytes spi : spis) {
            out.bytes(spi);
        }
        return Bytes.of(out.toByteArray());
    }

    static DeletePayload decode(WireReader body) throws IsakmpDecodeException {
        Doi doi = Doi.valueOf(body.u32());
        ProtocolId protocol = ProtocolId.valueOf(body.u8());
        int spiSize = body.u8();
        int count = body.u16();
        if (spiSize == 0 && count != 0) {
            // would let a few bytes on the wire allocate up to 65535 empty SPIs
            throw body.fail(DecodeFailure.MALFORMED_BODY, count + " SPIs of size 0");
        }
        if ((long) count * spiSize != body.remaining()) {
            throw body.fail(DecodeFailure.MALFORMED_BODY,
                    count + " SPIs of " + spiSize + " bytes but " + body.remaining() + " bytes follow");
        }
        List<Bytes> spis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spis.add(body.bytes(spiSize));
        }
        return new DeletePayload(doi, protocol, spiSize, spis);
    }
}

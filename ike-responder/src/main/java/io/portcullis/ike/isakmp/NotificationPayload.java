package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * A Notification payload (RFC 2408 §3.14). For RFC 3706 DPD the SPI is the two cookies
 * (16 bytes) and the data a 32-bit sequence number; for RESPONDER-LIFETIME the data holds
 * data attributes (RFC 2407 §4.6.3.1).
 */
public record NotificationPayload(Doi doi, ProtocolId protocol, Bytes spi, NotifyType notifyType, Bytes data)
        implements PayloadBody {

    static final int FIXED_BODY = 8;

    public NotificationPayload {
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(spi, "spi");
        ValueNames.checkRange(spi.length(), 0xFF, "SPI size");
        Objects.requireNonNull(notifyType, "notifyType");
        Objects.requireNonNull(data, "data");
    }

    /** An IPsec DOI notification. */
    public static NotificationPayload of(NotifyType type, ProtocolId protocol, Bytes spi, Bytes data) {
        return new NotificationPayload(Doi.IPSEC, protocol, spi, type, data);
    }

    /** An RFC 3706 R-U-THERE or R-U-THERE-ACK for the ISAKMP SA named by the cookies. */
    public static NotificationPayload deadPeerDetection(NotifyType type, long initiatorCookie,
            long responderCookie, int sequenceNumber) {
        WireWriter spi = new WireWriter();
        spi.u64(initiatorCookie);
        spi.u64(responderCookie);
        return of(type, ProtocolId.ISAKMP, Bytes.of(spi.toByteArray()), Bytes.ofUnsigned(sequenceNumber & 0xFFFF_FFFFL, 4));
    }

    @Override
    public PayloadType type() {
        return PayloadType.NOTIFICATION;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u32(doi.value());
        out.u8(protocol.value());
        out.u8(spi.length());
        out.u16(notifyType.value());
        out.bytes(spi);
        out.bytes(data);
        return Bytes.of(out.toByteArray());
    }

    static NotificationPayload decode(WireReader body) throws IsakmpDecodeException {
        Doi doi = Doi.valueOf(body.u32());
        ProtocolId protocol = ProtocolId.valueOf(body.u8());
        int spiSize = body.u8();
        NotifyType type = NotifyType.valueOf(body.u16());
        Bytes spi = body.bytes(spiSize);
        return new NotificationPayload(doi, protocol, spi, type, body.rest());
    }
}

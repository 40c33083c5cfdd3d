package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * A Certificate Request payload (RFC 2408 §3.10).
 *
 * @param authority the DER-encoded distinguished name of an acceptable CA, or empty for "any"
 */
public record CertificateRequestPayload(CertEncoding encoding, Bytes authority) implements PayloadBody {

    static final int FIXED_BODY = 1;

    public CertificateRequestPayload {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(authority, "authority");
    }

    @Override
    public PayloadType type() {
        return PayloadType.CERTIFICATE_REQUEST;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u8(encoding.value());
        out.bytes(authority);
        return Bytes.of(out.toByteArray());
    }

    static CertificateRequestPayload decode(WireReader body) throws IsakmpDecodeException {
        CertEncoding encoding = CertEncoding.valueOf(body.u8());
        return new CertificateRequestPayload(encoding, body.rest());
    }
}

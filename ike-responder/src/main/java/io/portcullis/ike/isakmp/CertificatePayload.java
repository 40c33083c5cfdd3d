package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A Certificate payload (RFC 2408 §3.9): an encoding byte and the certificate (or CRL) data. */
public record CertificatePayload(CertEncoding encoding, Bytes data) implements PayloadBody {

    static final int FIXED_BODY = 1;

    public CertificatePayload {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
    }

    /** An X.509 signature certificate in DER, as RSA-signature Main Mode sends it. */
    public static CertificatePayload x509(byte[] der) {
        return new CertificatePayload(CertEncoding.X509_SIGNATURE, Bytes.of(der));
    }

    @Override
    public PayloadType type() {
        return PayloadType.CERTIFICATE;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u8(encoding.value());
        out.bytes(data);
        return Bytes.of(out.toByteArray());
    }

    static CertificatePayload decode(WireReader body) throws IsakmpDecodeException {
        CertEncoding encoding = CertEncoding.valueOf(body.u8());
        return new CertificatePayload(encoding, body.rest());
    }
}

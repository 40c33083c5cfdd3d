package io.portcullis.revocation.crl;

/** A CRL as served: its metadata and DER bytes (never modified; do not write into {@code der}). */
public record PublishedCrl(CrlMeta meta, byte[] der) {

    /** Strong validator: a CRL number is issued once per CA, so issuer, kind and number identify the bytes. */
    public String etag() {
        return "\"" + meta.issuerId() + "-" + meta.kind().column() + "-" + meta.number() + "\"";
    }
}

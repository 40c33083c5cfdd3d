package io.portcullis.revocation.crl;

/** A complete CRL or a delta CRL (RFC 5280 5.2.4); the database stores the lower-case name. */
public enum CrlKind {
    FULL, DELTA;

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

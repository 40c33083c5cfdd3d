package io.portcullis.ike.isakmp;

/**
 * A certificate encoding in CERT and CERTREQ payloads (RFC 2408 §3.9).
 * An open value type: {@link #valueOf(int)} accepts any value in range, known or not.
 */
public record CertEncoding(int value) {

    public static final CertEncoding NONE = new CertEncoding(0);
    public static final CertEncoding PKCS7_WRAPPED_X509 = new CertEncoding(1);
    public static final CertEncoding PGP = new CertEncoding(2);
    public static final CertEncoding DNS_SIGNED_KEY = new CertEncoding(3);
    /** What Portcullis and strongSwan send. */
    public static final CertEncoding X509_SIGNATURE = new CertEncoding(4);
    public static final CertEncoding X509_KEY_EXCHANGE = new CertEncoding(5);
    public static final CertEncoding KERBEROS_TOKENS = new CertEncoding(6);
    public static final CertEncoding CRL = new CertEncoding(7);
    public static final CertEncoding ARL = new CertEncoding(8);
    public static final CertEncoding SPKI = new CertEncoding(9);
    public static final CertEncoding X509_ATTRIBUTE = new CertEncoding(10);

    private static final ValueNames<CertEncoding> NAMES = ValueNames.scan(CertEncoding.class, CertEncoding::value);

    public CertEncoding {
        ValueNames.checkRange(value, 0xFF, "certificate encoding");
    }

    public static CertEncoding valueOf(int value) {
        CertEncoding known = NAMES.constant(value);
        return known != null ? known : new CertEncoding(value);
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

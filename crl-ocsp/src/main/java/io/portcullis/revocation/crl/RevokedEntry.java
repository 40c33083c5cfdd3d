package io.portcullis.revocation.crl;

import java.time.Instant;
import java.util.Objects;

/**
 * One revokedCertificates entry (RFC 5280 5.1.2.6): serial in the store's lower-case hex form,
 * revocation date, CRLReason code or {@link #NO_REASON}, and an optional invalidity date.
 */
public record RevokedEntry(String serialHex, Instant revocationDate, int reasonCode, Instant invalidityDate) {

    /** No reasonCode extension: RFC 5280 5.3.1 says to omit it rather than write unspecified (0). */
    public static final int NO_REASON = -1;
    public static final int CERTIFICATE_HOLD = 6;
    /** Delta CRLs only: the certificate was released from hold (RFC 5280 5.3.1). */
    public static final int REMOVE_FROM_CRL = 8;

    public RevokedEntry {
        Objects.requireNonNull(serialHex, "serialHex");
        Objects.requireNonNull(revocationDate, "revocationDate");
        if (reasonCode < NO_REASON || reasonCode > 10 || reasonCode == 0 || reasonCode == 7) {
            throw new IllegalArgumentException("not a CRLReason code for an entry: " + reasonCode);
        }
    }
}

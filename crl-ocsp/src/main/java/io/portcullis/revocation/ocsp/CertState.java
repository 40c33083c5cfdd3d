package io.portcullis.revocation.ocsp;

import java.time.Instant;
import java.util.Objects;

/**
 * What the responder says about one serial. Its own type rather than Bouncy Castle's
 * {@code CertificateStatus}, whose "good" is {@code null}: a missing value must never read as good.
 */
public sealed interface CertState {

    /** Issued by this CA and neither revoked nor on hold. */
    record Good() implements CertState {
    }

    /** Revoked or on hold; {@code reasonCode} is a CRLReason or -1 for none (unspecified). */
    record Revoked(Instant revokedAt, int reasonCode) implements CertState {
        public Revoked {
            Objects.requireNonNull(revokedAt, "revokedAt");
        }
    }

    /** Never issued by this CA (or only reserved, mid-issuance). */
    record Unknown() implements CertState {
    }

    CertState GOOD = new Good();
    CertState UNKNOWN = new Unknown();
}

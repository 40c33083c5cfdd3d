package io.portcullis.ca.certificate;

import java.time.Instant;

/** Counts of issued certificates by status, for dashboards. */
public interface CertificateStatistics {

    /** {@code expiringSoon}: valid now and expiring before {@code soon}. */
    record Counts(long valid, long expired, long onHold, long revoked, long expiringSoon) {

        public long total() {
            return valid + expired + onHold + revoked;
        }
    }

    Counts counts(Instant now, Instant soon);
}

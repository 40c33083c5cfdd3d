package io.portcullis.ca.certificate;

/**
 * Stored status of an issued certificate. Expiry is not a stored status: it follows from
 * {@code not_after} and the clock, so it can never be stale.
 */
public enum CertificateStatus {
    /** Serial reserved, certificate being signed in the same transaction; never visible after commit. */
    RESERVED,
    VALID,
    /** Revoked with reason certificateHold: may be released back to VALID. */
    ON_HOLD,
    REVOKED
}

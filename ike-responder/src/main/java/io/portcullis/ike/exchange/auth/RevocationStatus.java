package io.portcullis.ike.exchange.auth;

/** The answer of a revocation source (OCSP, CRL) about one certificate. */
public enum RevocationStatus {
    GOOD, REVOKED, UNKNOWN
}

package io.portcullis.ca.certificate;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The revocation state of certificates, for status responders (OCSP). Narrower than
 * {@link CertificateReader} on purpose: the hot path reads only the status columns, never the
 * certificate bytes.
 */
public interface CertificateStates {

    /** {@code revokedAt} and {@code revocationReason} are null unless the certificate is revoked or on hold. */
    record State(CertificateStatus status, Instant revokedAt, String revocationReason) {
    }

    /**
     * The state of each of {@code serialHexes} issued by {@code issuerId}; a serial with no row
     * under that issuer is absent from the map.
     */
    Map<String, State> ofIssuer(String issuerId, Collection<String> serialHexes);
}

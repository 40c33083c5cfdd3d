package io.portcullis.ca.certificate;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Read-only access to issued certificates, for the API, the admin UI and enrollment. A serial
 * reserved mid-issuance is never returned: until its transaction commits it does not exist.
 */
public interface CertificateReader {

    /** The certificate with this serial (lower-case hex, as {@link Serials#toHex} writes it). */
    Optional<StoredCertificate> find(String serialHex);

    /** Newest first; {@code now} decides which certificates count as expired. */
    Page<StoredCertificate> search(CertificateSearch search, PageRequest page, Instant now);

    /** The certificate with a serial as a person typed it; not found is a 404 for API and UI alike. */
    default StoredCertificate get(String serialText) {
        return find(Serials.toHex(Serials.parse(serialText)))
                .orElseThrow(() -> PortcullisException.notFound("certificate-not-found", "no certificate with serial " + serialText));
    }
}

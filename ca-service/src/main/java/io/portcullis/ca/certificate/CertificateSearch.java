package io.portcullis.ca.certificate;

import io.portcullis.ca.error.PortcullisException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A certificate search: by status (valid, revoked, on_hold, expired), by free text matched against
 * serial, subject and SANs, and by expiry before an instant.
 */
public record CertificateSearch(Optional<StatusFilter> status, Optional<String> text, Optional<Instant> expiringBefore) {

    public enum StatusFilter { VALID, REVOKED, ON_HOLD, EXPIRED }

    public static final int MAX_TEXT = 256;

    public CertificateSearch {
        text.ifPresent(t -> {
            if (t.length() > MAX_TEXT) {
                throw PortcullisException.badRequest("search-text-too-long", "q may have at most " + MAX_TEXT + " characters");
            }
        });
    }

    public static Optional<StatusFilter> parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StatusFilter.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw PortcullisException.badRequest("invalid-status",
                    "status must be one of valid, revoked, on_hold, expired; got '" + value + "'");
        }
    }
}

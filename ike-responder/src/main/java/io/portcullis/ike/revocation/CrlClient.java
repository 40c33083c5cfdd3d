package io.portcullis.ike.revocation;

import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CRL fallback (RFC 5280 §6.3): fetches the CRL from the certificate's distribution point,
 * believes it only when the issuer signed it, it names that issuer, it is a complete CRL (no
 * delta indicator, no critical extension we do not process) and it is current (thisUpdate not
 * in the future, nextUpdate present and not passed). Verified CRLs are cached per URL and issuer
 * until their nextUpdate.
 */
final class CrlClient {

    private static final String DELTA_CRL_INDICATOR = "2.5.29.27";
    private static final String ISSUING_DISTRIBUTION_POINT = "2.5.29.28";

    private final HttpFetcher http;
    private final ExpiringCache<String, X509CRL> cache;

    CrlClient(HttpFetcher http, int cacheSize) {
        this.http = http;
        this.cache = new ExpiringCache<>(cacheSize);
    }

    sealed interface Outcome {
        record Answered(RevocationStatus status, String source, String detail) implements Outcome {
        }

        record NoAnswer(String reason) implements Outcome {
        }
    }

    Outcome check(X509Certificate certificate, X509Certificate issuer, Instant now) {
        List<URI> points = RevocationPointers.crl(certificate);
        if (points.isEmpty()) {
            return new Outcome.NoAnswer("no CRL distribution point in the certificate");
        }
        List<String> failures = new ArrayList<>();
        for (URI point : points) {
            String key = point + "|" + issuer.getSubjectX500Principal().getName();
            Optional<X509CRL> cached = cache.get(key, now);
            String source = cached.isPresent() ? "crl-cache" : "crl";
            X509CRL crl;
            try {
                crl = cached.isPresent() ? cached.get() : fetch(point, issuer, now);
            } catch (InvalidCrl | HttpFetcher.FetchException e) {
                failures.add(point + ": " + e.getMessage());
                continue;
            }
            if (cached.isEmpty()) {
                cache.put(key, crl, crl.getNextUpdate().toInstant());
            }
            X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
            String updated = "CRL " + point + " of " + crl.getThisUpdate().toInstant();
            if (entry != null) {
                String reason = entry.getRevocationReason() == null ? "unspecified" : entry.getRevocationReason().name();
                return new Outcome.Answered(RevocationStatus.REVOKED, source,
                        "listed since " + entry.getRevocationDate().toInstant() + " (" + reason + ") in " + updated);
            }
            return new Outcome.Answered(RevocationStatus.GOOD, source, "not listed in " + updated);
        }
        return new Outcome.NoAnswer(String.join("; ", failures));
    }

    static final class InvalidCrl extends Exception {
        InvalidCrl(String message) {
            super(message);
        }
    }

    private X509CRL fetch(URI point, X509Certificate issuer, Instant now) throws InvalidCrl, HttpFetcher.FetchException {
        byte[] body = http.get(point);
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidCrl("undecodable CRL: " + e.getMessage());
        }
        verify(crl, issuer, now);
        return crl;
    }

    static void verify(X509CRL crl, X509Certificate issuer, Instant now) throws InvalidCrl {
        if (crl == null) {
            throw new InvalidCrl("no CRL in the body");
        }
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new InvalidCrl("issued by " + crl.getIssuerX500Principal() + ", not by the certificate's issuer");
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidCrl("signature does not verify with the issuer's key");
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null && critical.contains(DELTA_CRL_INDICATOR)) {
            throw new InvalidCrl("a delta CRL, not a complete one");
        }
        if (critical != null && critical.stream().anyMatch(oid -> !oid.equals(ISSUING_DISTRIBUTION_POINT))) {
            throw new InvalidCrl("unprocessed critical extension(s) " + critical);
        }
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(OcspResponseVerifier.CLOCK_SKEW))) {
            throw new InvalidCrl("thisUpdate " + crl.getThisUpdate().toInstant() + " lies in the future");
        }
        if (crl.getNextUpdate() == null) {
            throw new InvalidCrl("no nextUpdate (RFC 5280 §5.1.2.5 requires it)");
        }
        if (crl.getNextUpdate().toInstant().isBefore(now)) {
            throw new InvalidCrl("stale: nextUpdate " + crl.getNextUpdate().toInstant() + " has passed");
        }
    }
}

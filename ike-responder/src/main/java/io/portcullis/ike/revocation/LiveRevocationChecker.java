package io.portcullis.ike.revocation;

import io.portcullis.ike.exchange.auth.RevocationChecker;
import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The revocation check the gateway runs for every peer certificate: a cached OCSP answer while
 * it is current, else the OCSP responder, else (no verified OCSP answer, or OCSP "unknown") the
 * CRL. What comes back when nothing answered is UNKNOWN, which a strict authenticator refuses.
 * Every decision goes to the listener with its source and reason.
 */
public final class LiveRevocationChecker implements RevocationChecker {

    private record CachedAnswer(RevocationStatus status, String detail) {
    }

    private final OcspClient ocsp;
    private final CrlClient crl;
    private final ExpiringCache<String, CachedAnswer> ocspCache;
    private final Consumer<RevocationDecision> decisions;

    /**
     * @param timeout connect and overall timeout of each fetch
     * @param maxResponseBytes largest OCSP response or CRL read
     * @param ocspCacheSize OCSP answers kept until their nextUpdate
     * @param crlCacheSize CRLs kept until their nextUpdate
     */
    public LiveRevocationChecker(Duration timeout, int maxResponseBytes, int ocspCacheSize, int crlCacheSize,
            SecureRandom random, Consumer<RevocationDecision> decisions) {
        HttpFetcher http = new HttpFetcher(timeout, maxResponseBytes);
        this.ocsp = new OcspClient(http, random);
        this.crl = new CrlClient(http, crlCacheSize);
        this.ocspCache = new ExpiringCache<>(ocspCacheSize);
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant now) {
        String key = key(certificate.getSerialNumber(), issuer);
        Optional<CachedAnswer> cached = ocspCache.get(key, now);
        if (cached.isPresent()) {
            return decide(certificate, cached.get().status(), "ocsp-cache", cached.get().detail(), now);
        }
        String ocspFailure;
        OcspClient.Outcome asked = ocsp.query(certificate, issuer, now);
        if (asked instanceof OcspClient.Outcome.Answered answered && answered.answer().status() != RevocationStatus.UNKNOWN) {
            OcspAnswer answer = answered.answer();
            String detail = "OCSP " + answered.responder() + " " + answer.status() + " at " + answer.thisUpdate() + ", "
                    + answer.detail();
            // Without nextUpdate newer information may exist at any time (RFC 6960 §4.2.2.1): not cached.
            answer.nextUpdate().ifPresent(next -> ocspCache.put(key, new CachedAnswer(answer.status(), detail), next));
            return decide(certificate, answer.status(), "ocsp", detail, now);
        }
        ocspFailure = asked instanceof OcspClient.Outcome.NoAnswer none ? none.reason()
                : "OCSP responder does not know the certificate";
        CrlClient.Outcome listed = crl.check(certificate, issuer, now);
        if (listed instanceof CrlClient.Outcome.Answered answered) {
            return decide(certificate, answered.status(), answered.source(),
                    answered.detail() + " (OCSP: " + ocspFailure + ")", now);
        }
        String crlFailure = ((CrlClient.Outcome.NoAnswer) listed).reason();
        return decide(certificate, RevocationStatus.UNKNOWN, "none", "OCSP: " + ocspFailure + "; CRL: " + crlFailure, now);
    }

    /**
     * The periodic re-check of a connected peer: asks the OCSP responder (CRL fallback) afresh instead of
     * trusting a cached answer, which may be up to its nextUpdate old; the new answer replaces the cached one.
     */
    public RevocationStatus recheck(X509Certificate certificate, X509Certificate issuer, Instant now) {
        forget(certificate.getSerialNumber());
        return check(certificate, issuer, now);
    }

    /** Drops cached answers for a serial the CA just revoked (in-process revocation event). */
    public void forget(BigInteger serial) {
        String prefix = serial.toString(16) + "|";
        ocspCache.removeIf(k -> k.startsWith(prefix));
    }

    private RevocationStatus decide(X509Certificate certificate, RevocationStatus status, String source, String reason,
            Instant now) {
        decisions.accept(new RevocationDecision(certificate.getSerialNumber(),
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(), status,
                source, reason, now));
        return status;
    }

    private static String key(BigInteger serial, X509Certificate issuer) {
        return serial.toString(16) + "|" + issuer.getSubjectX500Principal().getName();
    }
}

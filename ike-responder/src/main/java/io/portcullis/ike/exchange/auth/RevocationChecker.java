package io.portcullis.ike.exchange.auth;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The port for live revocation checking (OCSP with cache, CRL fallback), implemented outside
 * the protocol core because it does I/O.
 */
@FunctionalInterface
public interface RevocationChecker {

    RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant now);
}

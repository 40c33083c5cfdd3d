/**
 * Live revocation checking of peer certificates, plain Java (no CDI): the
 * {@link io.portcullis.ike.exchange.auth.RevocationChecker} port implemented with an OCSP client
 * (RFC 6960: request with nonce to the AIA responder, response signed by the issuer or by a
 * delegated responder it certified, freshness, nonce echo) whose answers are cached until their
 * nextUpdate in a bounded cache, and a CRL fallback (RFC 5280 §6.3: CRL from the distribution
 * point, signature by the issuer, freshness). Flow: {@link io.portcullis.ike.revocation.LiveRevocationChecker#check}
 * → OCSP cache → {@link io.portcullis.ike.revocation.OcspClient} → {@link io.portcullis.ike.revocation.CrlClient}
 * → UNKNOWN. Every decision is handed to a listener with its source and reason, for the audit log.
 * HTTP goes through {@link io.portcullis.ike.revocation.HttpFetcher}: timeouts and a size limit on
 * every body, because a responder is as untrusted as any network peer until its signature verifies.
 */
package io.portcullis.ike.revocation;

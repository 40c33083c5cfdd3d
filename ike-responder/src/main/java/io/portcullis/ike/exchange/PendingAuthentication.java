package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.IdentificationPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Main Mode message 5 whose peer check (PKIX path, and live OCSP/CRL revocation, which may
 * take seconds) runs off the receive path: the runtime hands it to a bounded worker pool, calls
 * {@link IkeEngine#authenticate} there, and {@link IkeEngine#resume} with the decision,
 * which answers message 6 (or the notify). Until then the exchange waits in state
 * AUTHENTICATING, still counted against the half-open limits; retransmissions of message 5 are
 * dropped (the peer sends it again and then gets the stored answer).
 *
 * @param exchange the half-open Main Mode
 * @param certificates the peer's CERT payloads (X.509 signature), end entity first
 * @param peerId the peer's IDii
 * @param at when message 5 arrived: the time certificates are checked at
 */
public record PendingAuthentication(IkeSaId exchange, List<byte[]> certificates, IdentificationPayload peerId,
        Instant at, Datagram request) {

    public PendingAuthentication {
        Objects.requireNonNull(exchange, "exchange");
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(request, "request");
    }
}

package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.isakmp.IdentificationPayload;
import java.time.Instant;
import java.util.List;

/**
 * The port through which Main Mode decides whether a certificate-bearing peer is who it claims
 * to be and what it may do. Implementations validate the chain, the certificate's fitness for
 * IKE, the ID ↔ certificate binding (RFC 4945 §3.1) and, in decorators, revocation. The
 * exchange then checks the signature with the returned key.
 */
@FunctionalInterface
public interface PeerAuthenticator {

    /**
     * @param peerCertChainDer the peer's certificates in the order received, end entity first
     *     (RFC 4945 §3.2 lets peers send their chain; strongSwan sends the end entity only)
     * @param peerId the IDii payload the peer sent in Main Mode message 5
     */
    AuthDecision authenticate(List<byte[]> peerCertChainDer, IdentificationPayload peerId, Instant now);
}

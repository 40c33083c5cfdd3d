package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.keymat.Phase1Authentication;
import java.util.List;
import java.util.Optional;

/**
 * One Phase 1 authentication method (RFC 2409 §5.1–§5.4), the same for both roles and every Phase 1
 * exchange. It owns more than the HASH step because methods differ earlier too: with RSA-encrypted nonces
 * (§5.2, §5.3) the nonce and the ID travel encrypted in messages 3 and 4, so the method builds and reads
 * those payloads; with signatures it adds CERTREQ there.
 */
interface Phase1Auth {

    /** How SKEYID is derived for this method. */
    Phase1Authentication skeyid();

    /**
     * What follows our KE in our message 3 (initiator) or 4 (responder): our nonce, and what the method adds.
     * {@code ourId} is there for the methods that send it here (RSA-encrypted nonces carry the ID encrypted
     * in messages 3 and 4, RFC 2409 §5.2); the methods of today send it in message 5 or 6.
     */
    List<Payload> keyExchangePayloads(Phase1 phase1, byte[] ourNonce, IdentificationPayload ourId);

    /** The peer's nonce from its message 3 or 4 (decrypted first by methods that encrypt it); empty when missing. */
    Optional<byte[]> peerNonce(Phase1 phase1, IsakmpMessage message);

    /** Our message 5 (initiator) or 6 (responder): our ID, then the method's proof. */
    List<Payload> proof(Phase1 phase1, IdentificationPayload ourId);

    /** What the peer's message 5 or 6 claims, before anything is checked; empty when a payload is missing. */
    Optional<Claims> claims(IsakmpMessage message);

    /** What the refusal says when {@link #claims} is empty. */
    Refused missingClaims();

    /**
     * Whether the claims carry certificates the {@link io.portcullis.ike.exchange.auth.PeerAuthenticator} must
     * check first (PKIX path, live revocation: slow, so it may run off the receive path).
     */
    boolean checksCertificates();

    /**
     * Checks the peer's proof.
     *
     * @param certificateCheck the peer authenticator's decision when {@link #checksCertificates()}, else empty
     */
    Outcome verify(Phase1 phase1, Claims claims, Optional<AuthDecision> certificateCheck);

    /** The peer's ID, its certificates (X.509 signature encoding, end entity first) and the SIG or HASH data. */
    record Claims(IdentificationPayload id, List<byte[]> certificates, byte[] proof) {
        public Claims {
            certificates = List.copyOf(certificates);
            proof = proof.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }
    }

    sealed interface Outcome permits Verified, Refused {
    }

    record Verified(AuthenticatedPeer peer) implements Outcome {
    }

    record Refused(NotifyType notifyType, String detail) implements Outcome {
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.keymat.Phase1Authentication;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pre-shared key authentication (RFC 2409 §5.4): the key enters SKEYID, so a peer with another key cannot
 * even decrypt message 5; ID and HASH prove the rest. The peer is found by its address before the exchange
 * (Main Mode protects the ID, so the key cannot be chosen by it).
 */
final class PreSharedKeyAuth implements Phase1Auth {

    private final PskPeer psk;

    PreSharedKeyAuth(PskPeer psk) {
        this.psk = Objects.requireNonNull(psk, "psk");
    }

    @Override
    public Phase1Authentication skeyid() {
        return new Phase1Authentication.PreSharedKey(psk.key());
    }

    @Override
    public List<Payload> keyExchangePayloads(Phase1 phase1, byte[] ourNonce, IdentificationPayload ourId) {
        return List.of(Payload.of(NoncePayload.of(ourNonce)));
    }

    @Override
    public Optional<byte[]> peerNonce(Phase1 phase1, IsakmpMessage message) {
        return message.first(NoncePayload.class).map(n -> n.nonce().toByteArray());
    }

    @Override
    public List<Payload> proof(Phase1 phase1, IdentificationPayload ourId) {
        return List.of(Payload.of(ourId), Payload.of(HashPayload.of(phase1.ourHash(ourId))));
    }

    @Override
    public Optional<Claims> claims(IsakmpMessage message) {
        Optional<IdentificationPayload> id = message.first(IdentificationPayload.class);
        Optional<HashPayload> hash = message.first(HashPayload.class);
        if (id.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Claims(id.get(), List.of(), hash.get().hash().toByteArray()));
    }

    @Override
    public Refused missingClaims() {
        return new Refused(NotifyType.PAYLOAD_MALFORMED, "the ID or HASH payload is missing");
    }

    @Override
    public boolean checksCertificates() {
        return false;
    }

    @Override
    public Outcome verify(Phase1 phase1, Claims claims, Optional<AuthDecision> certificateCheck) {
        if (!phase1.peerHashMatches(claims.id(), claims.proof())) {
            return new Refused(NotifyType.AUTHENTICATION_FAILED, "the peer's HASH does not verify");
        }
        return new Verified(new AuthenticatedPeer(claims.id(), psk.subnets(), Optional.empty(), List.of()));
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.exchange.policy.Phase1ProposalSelector;
import io.portcullis.ike.exchange.policy.Phase1Proposals;
import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.CertificateRequestPayload;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NatDiscoveryPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import io.portcullis.ike.isakmp.VendorIdPayload;
import io.portcullis.ike.isakmp.VendorIds;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initiator's steps of a {@link MainMode}: {@code build1, process2 → build3, process4 → build5,
 * process6}. The state, the {@link Phase1} and the helpers are the Main Mode's; this class only knows which
 * message the initiator sends and expects. A reply that does not fit the state is dropped; one that carries
 * what we did not offer, or does not authenticate, ends the exchange with a notify.
 */
final class MainModeInitiator {

    private final MainMode mm;
    private final Optional<PskPeer> psk;
    private final SecurityAssociationPayload offered;
    private final byte[] message1;
    private byte[] ni;

    MainModeInitiator(MainMode mm) {
        this.mm = mm;
        this.psk = mm.ctx.preSharedKeys().forAddress(mm.peer.getAddress());
        this.offered = Phase1Proposals.offer(mm.ctx.policy(), this::usable);
        this.message1 = mm.plain(build1());
    }

    private boolean usable(AuthenticationMethod method) {
        return method.equals(AuthenticationMethod.RSA_SIGNATURES) ? mm.ctx.credentials().isPresent()
                : method.equals(AuthenticationMethod.PRE_SHARED_KEY) && psk.isPresent();
    }

    byte[] message1() {
        return message1.clone();
    }

    ExchangeResult process(IsakmpHeader header, byte[] datagram, InetSocketAddress source) {
        try {
            return switch (mm.state) {
                case AWAITING_SA -> header.isEncrypted() ? mm.outOfOrder()
                        : process2(header, mm.ctx.decoder().decode(datagram));
                case AWAITING_KEY_EXCHANGE -> header.isEncrypted() || header.responderCookie() != mm.id().responderCookie()
                        ? mm.outOfOrder() : process4(mm.ctx.decoder().decode(datagram), source);
                case AWAITING_AUTHENTICATION -> header.isEncrypted()
                        ? process6(mm.ctx.decoder().decodeEncrypted(datagram), source) : mm.outOfOrder();
                case AUTHENTICATING, ESTABLISHED, FAILED -> mm.outOfOrder();
            };
        } catch (IsakmpDecodeException e) {
            return ExchangeResult.dropped(Drop.MALFORMED, e.getMessage());
        }
    }

    // ---- message 1 → 2 ----

    private List<Payload> build1() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(offered));
        payloads.add(Payload.of(new VendorIdPayload(VendorIds.DPD)));
        // No FRAGMENTATION vendor ID yet: the initiator does not reassemble a fragmented message 6.
        payloads.add(Payload.of(new VendorIdPayload(VendorIds.NAT_T_RFC3947)));
        return payloads;
    }

    private ExchangeResult process2(IsakmpHeader header, IsakmpMessage message) {
        List<SecurityAssociationPayload> sas = message.all(SecurityAssociationPayload.class);
        if (header.responderCookie() == 0 || sas.size() != 1) {
            return ExchangeResult.dropped(Drop.UNEXPECTED, "message 2 needs the responder cookie and one SA");
        }
        mm.phase1.responderCookie(header.responderCookie());
        SecurityAssociationPayload answer = sas.get(0);
        if (answer.proposals().size() != 1 || answer.proposals().get(0).transforms().size() != 1
                || !offeredTransform(answer.proposals().get(0).transforms().get(0))) {
            return mm.fail(NotifyType.NO_PROPOSAL_CHOSEN, "the responder chose a transform we did not offer");
        }
        Optional<Phase1Selection> chosen = new Phase1ProposalSelector(mm.ctx.policy(), this::usable).select(answer);
        if (chosen.isEmpty()) {
            return mm.fail(NotifyType.NO_PROPOSAL_CHOSEN, "the responder's choice is not acceptable");
        }
        mm.phase1.agreed(chosen.get(), offered); // SAi_b is our own offer, as sent
        mm.auth = chosen.get().usesSignatures() ? new RsaSignatureAuth(mm.ctx.credentials().orElseThrow())
                : new PreSharedKeyAuth(psk.orElseThrow());
        mm.phase1.peerAnnounced(PeerCapabilities.announcedBy(message.all(VendorIdPayload.class)));
        mm.state = MainMode.State.AWAITING_KEY_EXCHANGE;
        return ExchangeResult.progress(List.of(mm.plain(build3())), "message 3: " + chosen.get());
    }

    private boolean offeredTransform(TransformPayload transform) {
        return offered.proposals().get(0).transforms().stream()
                .anyMatch(t -> t.transformId() == transform.transformId() && t.attributes().equals(transform.attributes()));
    }

    // ---- message 3 → 4 ----

    private List<Payload> build3() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(KeyExchangePayload.of(mm.phase1.generateDh(mm.ctx.random()))));
        ni = mm.ctx.nonce();
        payloads.addAll(mm.auth.keyExchangePayloads(mm.phase1, ni, mm.ourId()));
        if (mm.phase1.peer().natTraversal()) {
            mm.phase1.natDiscovery(mm.peer, mm.local).forEach(p -> payloads.add(Payload.of(p)));
        }
        return payloads;
    }

    private ExchangeResult process4(IsakmpMessage message, InetSocketAddress source) {
        Optional<KeyExchangePayload> ke = message.first(KeyExchangePayload.class);
        Optional<byte[]> nr = mm.auth.peerNonce(mm.phase1, message);
        if (ke.isEmpty() || nr.isEmpty()) {
            return mm.fail(NotifyType.PAYLOAD_MALFORMED, "message 4 lacks KE or Nonce");
        }
        if (nr.get().length < 8 || nr.get().length > 256) {
            return mm.fail(NotifyType.PAYLOAD_MALFORMED, "nonce of " + nr.get().length + " bytes (RFC 2409 §5: 8..256)");
        }
        try {
            mm.phase1.deriveKeys(ke.get().publicValue().toByteArray(), ni, nr.get(), mm.auth.skeyid());
        } catch (IkeCryptoException e) {
            return mm.fail(NotifyType.INVALID_KEY_INFORMATION, e.getMessage());
        }
        mm.phase1.peerRequestedCertificates(!message.all(CertificateRequestPayload.class).isEmpty());
        List<NatDiscoveryPayload> natD = message.all(NatDiscoveryPayload.class);
        if (mm.phase1.peer().natTraversal() && natD.size() >= 2) {
            mm.phase1.peerNatDiscovery(natD, source);
        }
        mm.state = MainMode.State.AWAITING_AUTHENTICATION;
        byte[] message5 = mm.phase1.seal(mm.header(), mm.auth.proof(mm.phase1, mm.ourId()));
        return ExchangeResult.progress(mm.fragmentIfNeeded(message5), "message 5");
    }

    // ---- message 6 ----

    private ExchangeResult process6(EncryptedMessage encrypted, InetSocketAddress source) {
        Optional<ProtectedMessages.Opened> opened = mm.phase1.open(encrypted, mm.ctx.decoder());
        if (opened.isEmpty()) {
            return ExchangeResult.dropped(Drop.UNDECRYPTABLE, "message 6 does not decrypt to a payload chain");
        }
        opened.get().decryption().commit();
        Optional<Phase1Auth.Claims> claims = mm.auth.claims(opened.get().message().message());
        if (claims.isEmpty()) {
            Phase1Auth.Refused missing = mm.auth.missingClaims();
            return mm.failProtected(missing.notifyType(), "message 6: " + missing.detail());
        }
        Phase1Auth.Outcome outcome = mm.auth.verify(mm.phase1, claims.get(), mm.auth.checksCertificates()
                ? Optional.of(mm.ctx.authenticator().authenticate(claims.get().certificates(), claims.get().id(),
                        mm.ctx.clock().instant()))
                : Optional.empty());
        if (outcome instanceof Phase1Auth.Refused refused) {
            return mm.failProtected(refused.notifyType(), refused.detail());
        }
        Phase1Auth.Verified verified = (Phase1Auth.Verified) outcome;
        mm.peer = source;
        mm.established = mm.phase1.establish(verified.peer(), mm.peer, mm.local, mm.ctx.clock().instant(),
                new DeadPeerProbe(mm.phase1.peer().dpd(), mm.ctx.random().nextInt()));
        mm.state = MainMode.State.ESTABLISHED;
        return ExchangeResult.complete(List.of(), List.of(new IkeEvent.IkeSaEstablished(mm.id(), verified.peer(),
                mm.peer, mm.phase1.selection().toString(), mm.phase1.peerBehindNat())),
                "established with " + verified.peer().displayName());
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.exchange.policy.Phase1ProposalSelector;
import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.CertificateRequestPayload;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IkeFragmenter;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NatDiscoveryPayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.VendorIdPayload;
import io.portcullis.ike.isakmp.VendorIds;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Main Mode (RFC 2409 §5, the identity protection exchange of RFC 2408 §4.5) as a state machine over the
 * shared {@link Phase1} state and a {@link Phase1Auth} method:
 * <pre>
 *   1  HDR, SA, VID...                  →  2  HDR, SA, VID(DPD, NAT-T, FRAG)
 *   3  HDR, KE, Ni [, CERTREQ] [, NAT-D] →  4  HDR, KE, Nr [, CERTREQ] [, NAT-D]
 *   5  HDR*, IDii, [CERT,] SIG_I | HASH_I →  6  HDR*, IDir, [CERT,] SIG_R | HASH_R
 * </pre>
 * Each message is a {@code process}/{@code build} pair per role; the responder runs
 * {@code process1 → build2, process3 → build4, process5 → build6}, the initiator ({@link MainModeInitiator})
 * {@code build1, process2 → build3, process4 → build5, process6}. A message that does not fit the state is
 * dropped (retransmissions are answered from the cache before they get here). Message 5 moves the IV chain
 * only once it decrypted into a well-formed payload chain. With deferred authentication the certificate
 * check of message 5 runs elsewhere ({@link PendingAuthentication}): the exchange waits in AUTHENTICATING,
 * drops retransmissions of message 5, and {@link #resume} builds message 6 from the decision.
 */
public final class MainMode {

    /** What the exchange waits for next (named for the message it expects, not for the role). */
    public enum State { AWAITING_SA, AWAITING_KEY_EXCHANGE, AWAITING_AUTHENTICATION, AUTHENTICATING, ESTABLISHED, FAILED }

    /** Fragment ID of our authentication message; one fragmented message per exchange. */
    private static final int FRAGMENT_ID = 1;

    final ExchangeContext ctx;
    final Phase1 phase1;
    private final boolean deferAuthentication;
    private final Instant started;
    private final InetSocketAddress firstSource;
    InetSocketAddress peer;
    InetSocketAddress local;
    State state = State.AWAITING_SA;
    Phase1Auth auth;
    private Optional<PskPeer> psk = Optional.empty();
    IkeSa established;
    /** The initiator's half of the state machine; null when we respond. */
    private final MainModeInitiator initiator;
    /** While AUTHENTICATING: what message 5 claimed and carried, and where it came from and arrived. */
    private Phase1Auth.Claims claims;
    private boolean initialContact;
    private InetSocketAddress message5Source;
    private InetSocketAddress message5Destination;

    /**
     * The responder side of a Main Mode the peer's message 1 starts.
     *
     * @param deferAuthentication hand the certificate check of message 5 out ({@link ExchangeResult.Status#PENDING})
     */
    static MainMode responder(ExchangeContext ctx, long initiatorCookie, InetSocketAddress peer,
            InetSocketAddress local, boolean deferAuthentication) {
        return new MainMode(ctx, Phase1.responder(initiatorCookie, ctx.random()), peer, local, deferAuthentication);
    }

    /**
     * The initiator side: {@link #message1()} starts it; the responder's replies go to {@link #process}. The peer's
     * certificate is checked inline (no deferral yet).
     */
    static MainMode initiator(ExchangeContext ctx, InetSocketAddress peer, InetSocketAddress local) {
        return new MainMode(ctx, Phase1.initiator(ctx.random()), peer, local, false);
    }

    private MainMode(ExchangeContext ctx, Phase1 phase1, InetSocketAddress peer, InetSocketAddress local,
            boolean deferAuthentication) {
        this.ctx = ctx;
        this.phase1 = phase1;
        this.deferAuthentication = deferAuthentication;
        this.peer = peer;
        this.firstSource = peer;
        this.local = local;
        this.started = ctx.clock().instant();
        this.initiator = phase1.role() == Role.INITIATOR ? new MainModeInitiator(this) : null; // reads the above
    }

    public IkeSaId id() {
        return phase1.id();
    }

    public State state() {
        return state;
    }

    public Instant started() {
        return started;
    }

    /** Where message 1 came from: the half-open accounting key. */
    public InetSocketAddress firstSource() {
        return firstSource;
    }

    public InetSocketAddress peerAddress() {
        return peer;
    }

    /** Our end: where the peer's messages arrive and ours leave from. */
    public InetSocketAddress localAddress() {
        return local;
    }

    /** The IKE SA, once {@link #state()} is ESTABLISHED. */
    public Optional<IkeSa> established() {
        return Optional.ofNullable(established);
    }

    /**
     * @param source where the datagram came from (the peer)
     * @param destination where it arrived (our address and port: 500, or 4500 after the float)
     */
    public ExchangeResult process(IsakmpHeader header, byte[] datagram, InetSocketAddress source,
            InetSocketAddress destination) {
        if (!header.exchangeType().equals(ExchangeType.IDENTITY_PROTECTION) || header.messageId() != 0) {
            return ExchangeResult.dropped(Drop.UNEXPECTED, "not a Main Mode message: " + header);
        }
        if (initiator != null) {
            return initiator.process(header, datagram, source);
        }
        try {
            return switch (state) {
                case AWAITING_SA -> header.isEncrypted() ? outOfOrder() : process1(ctx.decoder().decode(datagram));
                case AWAITING_KEY_EXCHANGE -> header.isEncrypted() || header.responderCookie() != id().responderCookie()
                        ? outOfOrder() : process3(ctx.decoder().decode(datagram), source);
                case AWAITING_AUTHENTICATION -> header.isEncrypted()
                        ? process5(ctx.decoder().decodeEncrypted(datagram), datagram, source, destination)
                        : outOfOrder();
                case AUTHENTICATING -> ExchangeResult.dropped(Drop.AUTHENTICATION_PENDING,
                        "message 5 again while its peer check runs");
                case ESTABLISHED, FAILED -> outOfOrder();
            };
        } catch (IsakmpDecodeException e) {
            return ExchangeResult.dropped(Drop.MALFORMED, e.getMessage());
        }
    }

    /** Message 1 of a Main Mode we initiate: the same bytes for every retransmission. */
    byte[] message1() {
        if (initiator == null) {
            throw new IllegalStateException("only the initiator sends message 1");
        }
        return initiator.message1();
    }

    ExchangeResult outOfOrder() {
        return ExchangeResult.dropped(Drop.UNEXPECTED, "message does not fit Main Mode state " + state);
    }

    // ---- responder: message 1 → 2 ----

    private ExchangeResult process1(IsakmpMessage message) {
        List<SecurityAssociationPayload> sas = message.all(SecurityAssociationPayload.class);
        if (sas.size() != 1) {
            // Not a Main Mode start (e.g. message 3 of an exchange we never saw): answering
            // unauthenticated garbage would only make us a reflector.
            return ExchangeResult.dropped(Drop.UNEXPECTED, "message 1 carries " + sas.size() + " SA payloads");
        }
        psk = ctx.preSharedKeys().forAddress(peer.getAddress());
        Phase1ProposalSelector selector = new Phase1ProposalSelector(ctx.policy(), method ->
                method.equals(AuthenticationMethod.RSA_SIGNATURES) ? ctx.credentials().isPresent()
                        : method.equals(AuthenticationMethod.PRE_SHARED_KEY) && psk.isPresent());
        Optional<Phase1Selection> chosen = selector.select(sas.get(0));
        if (chosen.isEmpty()) {
            return fail(NotifyType.NO_PROPOSAL_CHOSEN, "no acceptable Phase 1 transform");
        }
        phase1.agreed(chosen.get(), sas.get(0));
        auth = chosen.get().usesSignatures() ? new RsaSignatureAuth(ctx.credentials().orElseThrow())
                : new PreSharedKeyAuth(psk.orElseThrow());
        phase1.peerAnnounced(PeerCapabilities.announcedBy(message.all(VendorIdPayload.class)));
        state = State.AWAITING_KEY_EXCHANGE;
        return ExchangeResult.progress(List.of(plain(build2())), "message 2: " + chosen.get());
    }

    private List<Payload> build2() {
        List<Payload> reply = new ArrayList<>();
        reply.add(Payload.of(phase1.selection().responseSa()));
        reply.add(Payload.of(new VendorIdPayload(VendorIds.DPD)));
        reply.add(Payload.of(new VendorIdPayload(VendorIds.FRAGMENTATION)));
        if (phase1.peer().natTraversal()) {
            reply.add(Payload.of(new VendorIdPayload(VendorIds.NAT_T_RFC3947)));
        }
        return reply;
    }

    // ---- responder: message 3 → 4 ----

    private ExchangeResult process3(IsakmpMessage message, InetSocketAddress source) {
        Optional<KeyExchangePayload> ke = message.first(KeyExchangePayload.class);
        Optional<byte[]> ni = auth.peerNonce(phase1, message);
        if (ke.isEmpty() || ni.isEmpty()) {
            return fail(NotifyType.PAYLOAD_MALFORMED, "message 3 lacks KE or Nonce");
        }
        int nonceLength = ni.get().length;
        if (nonceLength < 8 || nonceLength > 256) {
            return fail(NotifyType.PAYLOAD_MALFORMED, "nonce of " + nonceLength + " bytes (RFC 2409 §5: 8..256)");
        }
        byte[] gxr = phase1.generateDh(ctx.random());
        byte[] nr = ctx.nonce();
        try {
            phase1.deriveKeys(ke.get().publicValue().toByteArray(), nr, ni.get(), auth.skeyid());
        } catch (IkeCryptoException e) {
            return fail(NotifyType.INVALID_KEY_INFORMATION, e.getMessage());
        }
        phase1.peerRequestedCertificates(!message.all(CertificateRequestPayload.class).isEmpty());
        List<NatDiscoveryPayload> natD = message.all(NatDiscoveryPayload.class);
        boolean natDiscovery = phase1.peer().natTraversal() && natD.size() >= 2;
        if (natDiscovery) {
            phase1.peerNatDiscovery(natD, source);
        }
        state = State.AWAITING_AUTHENTICATION;
        return ExchangeResult.progress(List.of(plain(build4(gxr, nr, natDiscovery, source))),
                "message 4" + (phase1.peerBehindNat() ? ", peer behind NAT" : ""));
    }

    private List<Payload> build4(byte[] gxr, byte[] nr, boolean natDiscovery, InetSocketAddress source) {
        List<Payload> reply = new ArrayList<>();
        reply.add(Payload.of(KeyExchangePayload.of(gxr)));
        reply.addAll(auth.keyExchangePayloads(phase1, nr, ourId()));
        if (natDiscovery) {
            phase1.natDiscovery(source, local).forEach(p -> reply.add(Payload.of(p)));
        }
        return reply;
    }

    // ---- responder: message 5 → 6 ----

    private ExchangeResult process5(EncryptedMessage encrypted, byte[] datagram, InetSocketAddress source,
            InetSocketAddress destination) {
        Optional<ProtectedMessages.Opened> opened = phase1.open(encrypted, ctx.decoder());
        if (opened.isEmpty()) {
            // RFC 2409 gives no notify for this; a wrong pre-shared key ends here too
            return ExchangeResult.dropped(Drop.UNDECRYPTABLE, "message 5 does not decrypt to a payload chain");
        }
        IsakmpMessage message = opened.get().message().message();
        // The message decrypted into a well-formed chain, so the peer's IV moved past it; our
        // notify (on failure) or message 6 (on success) must follow from there.
        opened.get().decryption().commit();
        Optional<Phase1Auth.Claims> claimed = auth.claims(message);
        if (claimed.isEmpty()) {
            Phase1Auth.Refused missing = auth.missingClaims();
            return failProtected(missing.notifyType(), "message 5: " + missing.detail());
        }
        boolean contact = message.all(NotificationPayload.class).stream()
                .anyMatch(n -> n.notifyType().equals(NotifyType.INITIAL_CONTACT));
        if (!auth.checksCertificates()) {
            return build6(auth.verify(phase1, claimed.get(), Optional.empty()), contact, source, destination);
        }
        if (!deferAuthentication) {
            return build6(auth.verify(phase1, claimed.get(), Optional.of(checkCertificates(claimed.get()))), contact,
                    source, destination);
        }
        state = State.AUTHENTICATING;
        claims = claimed.get();
        initialContact = contact;
        message5Source = source;
        message5Destination = destination;
        return ExchangeResult.pending(new PendingAuthentication(id(), claims.certificates(), claims.id(),
                ctx.clock().instant(), new Datagram(datagram, source, destination)));
    }

    private AuthDecision checkCertificates(Phase1Auth.Claims claimed) {
        return ctx.authenticator().authenticate(claimed.certificates(), claimed.id(), ctx.clock().instant());
    }

    /** Message 6 (or the notify) once the certificate check of a deferred message 5 decided. */
    public ExchangeResult resume(AuthDecision decision) {
        if (state != State.AUTHENTICATING) {
            return ExchangeResult.dropped(Drop.UNEXPECTED, "no peer check pending in state " + state);
        }
        Phase1Auth.Claims claimed = claims;
        claims = null;
        return build6(auth.verify(phase1, claimed, Optional.of(decision)), initialContact, message5Source,
                message5Destination);
    }

    private ExchangeResult build6(Phase1Auth.Outcome outcome, boolean initialContact, InetSocketAddress source,
            InetSocketAddress destination) {
        if (outcome instanceof Phase1Auth.Refused refused) {
            return failProtected(refused.notifyType(), refused.detail());
        }
        peer = source; // RFC 3947 §4: the initiator switches to port 4500 with message 5 ...
        local = destination; // ... and so do we: message 6 and all later traffic leave from 4500
        Phase1Auth.Verified verified = (Phase1Auth.Verified) outcome;
        byte[] message6 = phase1.seal(header(), auth.proof(phase1, ourId()));
        established = phase1.establish(verified.peer(), peer, local, ctx.clock().instant(),
                new DeadPeerProbe(phase1.peer().dpd(), ctx.random().nextInt()));
        state = State.ESTABLISHED;
        List<IkeEvent> events = new ArrayList<>();
        events.add(new IkeEvent.IkeSaEstablished(id(), verified.peer(), peer, phase1.selection().toString(),
                phase1.peerBehindNat()));
        if (initialContact) {
            events.add(new IkeEvent.InitialContact(id(), verified.peer().identity()));
        }
        return ExchangeResult.complete(fragmentIfNeeded(message6), events, "established with " + verified.peer().displayName());
    }

    // ---- both roles ----

    /** Our certificate's identity, or (pre-shared keys without one) our address. */
    IdentificationPayload ourId() {
        return ctx.credentials().map(c -> c.identity()).orElseGet(() -> IdentificationPayload.address(local.getAddress()));
    }

    /** strongSwan's rule: fragment only for a peer that announced support, and only when too large. */
    List<byte[]> fragmentIfNeeded(byte[] message) {
        int limit = ctx.policy().fragmentSize() - (local.getPort() == 4500 ? 4 : 0);
        if (!phase1.peer().fragmentation() || message.length <= limit) {
            return List.of(message);
        }
        return IkeFragmenter.fragment(message, limit, FRAGMENT_ID);
    }

    IsakmpHeader header() {
        IkeSaId id = id();
        return IsakmpHeader.of(id.initiatorCookie(), id.responderCookie(), ExchangeType.IDENTITY_PROTECTION, 0, 0);
    }

    byte[] plain(List<Payload> payloads) {
        return IsakmpEncoder.encode(new IsakmpMessage(header(), payloads));
    }

    ExchangeResult fail(NotifyType notify, String detail) {
        state = State.FAILED;
        phase1.destroy();
        byte[] reply = Notifications.plaintext(notify, id(), ctx.newMessageId());
        return ExchangeResult.failed(List.of(reply), List.of(new IkeEvent.ExchangeFailed(id(), peer, notify, detail)), detail);
    }

    ExchangeResult failProtected(NotifyType notify, String detail) {
        state = State.FAILED;
        byte[] reply = phase1.protectedNotify(ctx.newMessageId(), Notifications.error(notify, id()));
        phase1.destroy();
        return ExchangeResult.failed(List.of(reply), List.of(new IkeEvent.ExchangeFailed(id(), peer, notify, detail)), detail);
    }
}

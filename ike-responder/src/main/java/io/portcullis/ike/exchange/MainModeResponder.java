package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.exchange.policy.Phase1ProposalSelector;
import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.CertEncoding;
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
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.VendorIdPayload;
import io.portcullis.ike.isakmp.VendorIds;
import io.portcullis.ike.keymat.IkeMessageCrypto;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.IvChains;
import io.portcullis.ike.keymat.Phase1Authentication;
import io.portcullis.ike.keymat.Phase1KeyInput;
import io.portcullis.ike.keymat.Phase1Keys;
import io.portcullis.ike.keymat.Phase1Transcript;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The responder side of Main Mode (RFC 2409 §5, identity protection exchange of RFC 2408 §4.5):
 * <pre>
 *   1  HDR, SA, VID...                 →  2  HDR, SA, VID(DPD, NAT-T, FRAG)
 *   3  HDR, KE, Ni [, CERTREQ] [, NAT-D] →  4  HDR, KE, Nr [, CERTREQ] [, NAT-D]
 *   5  HDR*, IDii, [CERT,] SIG_I | HASH_I →  6  HDR*, IDir, [CERT,] SIG_R | HASH_R
 * </pre>
 * A message that does not fit the state is dropped (the facade answers retransmissions from its
 * cache before they get here). Message 5 moves the IV chain only once it decrypted into a
 * well-formed payload chain. With deferred authentication the peer check of message 5 runs
 * elsewhere ({@link PendingAuthentication}): the exchange waits in AUTHENTICATING, drops
 * retransmissions of message 5, and {@link #resume} builds message 6 from the decision.
 */
public final class MainModeResponder {

    public enum State { AWAITING_SA, AWAITING_KEY_EXCHANGE, AWAITING_AUTHENTICATION, AUTHENTICATING, ESTABLISHED, FAILED }

    /** Fragment ID of our message 6; one fragmented message per exchange. */
    private static final int FRAGMENT_ID = 1;

    private final ResponderContext ctx;
    private final IkeSaId id;
    private InetSocketAddress local;
    private final Instant started;
    private final InetSocketAddress firstSource;
    private InetSocketAddress peer;
    private State state = State.AWAITING_SA;
    private Phase1Selection selection;
    private Optional<PskPeer> psk = Optional.empty();
    private byte[] initiatorSaBody;
    private boolean peerNatTraversal;
    private boolean peerFragmentation;
    private boolean peerDpd;
    private boolean peerBehindNat;
    private boolean peerRequestedCertificates;
    private byte[] gxi;
    private byte[] gxr;
    private Phase1Keys keys;
    private IkeMessageCrypto crypto;
    private IvChains ivs;
    private IkeSa established;
    private final boolean deferAuthentication;
    /** While AUTHENTICATING: message 5 as decrypted, and where it came from and arrived. */
    private IsakmpMessage message5;
    private MainModeAuthentication.Claims claims;
    private InetSocketAddress message5Source;
    private InetSocketAddress message5Destination;

    public MainModeResponder(ResponderContext ctx, long initiatorCookie, InetSocketAddress peer, InetSocketAddress local) {
        this(ctx, initiatorCookie, peer, local, false);
    }

    /** @param deferAuthentication hand the peer check of message 5 out ({@link ExchangeResult.Status#PENDING}) */
    public MainModeResponder(ResponderContext ctx, long initiatorCookie, InetSocketAddress peer, InetSocketAddress local,
            boolean deferAuthentication) {
        this.ctx = ctx;
        this.deferAuthentication = deferAuthentication;
        long responderCookie;
        do {
            responderCookie = ctx.random().nextLong();
        } while (responderCookie == 0);
        this.id = new IkeSaId(initiatorCookie, responderCookie);
        this.peer = peer;
        this.firstSource = peer;
        this.local = local;
        this.started = ctx.clock().instant();
    }

    public IkeSaId id() {
        return id;
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
        try {
            return switch (state) {
                case AWAITING_SA -> header.isEncrypted() ? outOfOrder() : first(ctx.decoder().decode(datagram));
                case AWAITING_KEY_EXCHANGE -> header.isEncrypted() || header.responderCookie() != id.responderCookie()
                        ? outOfOrder() : keyExchange(ctx.decoder().decode(datagram), source);
                case AWAITING_AUTHENTICATION -> header.isEncrypted()
                        ? authentication(ctx.decoder().decodeEncrypted(datagram), datagram, source, destination)
                        : outOfOrder();
                case AUTHENTICATING -> ExchangeResult.dropped(Drop.AUTHENTICATION_PENDING,
                        "message 5 again while its peer check runs");
                case ESTABLISHED, FAILED -> outOfOrder();
            };
        } catch (IsakmpDecodeException e) {
            return ExchangeResult.dropped(Drop.MALFORMED, e.getMessage());
        }
    }

    private ExchangeResult outOfOrder() {
        return ExchangeResult.dropped(Drop.UNEXPECTED, "message does not fit Main Mode state " + state);
    }

    private ExchangeResult first(IsakmpMessage message) {
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
        selection = chosen.get();
        initiatorSaBody = sas.get(0).encodeBody().toByteArray(); // SAi_b exactly as received
        for (VendorIdPayload vid : message.all(VendorIdPayload.class)) {
            peerNatTraversal |= VendorIds.announcesNatTraversal(vid.vendorId());
            peerFragmentation |= VendorIds.announcesFragmentation(vid.vendorId());
            peerDpd |= VendorIds.announcesDpd(vid.vendorId());
        }
        List<Payload> reply = new ArrayList<>();
        reply.add(Payload.of(selection.responseSa()));
        reply.add(Payload.of(new VendorIdPayload(VendorIds.DPD)));
        reply.add(Payload.of(new VendorIdPayload(VendorIds.FRAGMENTATION)));
        if (peerNatTraversal) {
            reply.add(Payload.of(new VendorIdPayload(VendorIds.NAT_T_RFC3947)));
        }
        state = State.AWAITING_KEY_EXCHANGE;
        return ExchangeResult.progress(List.of(plain(reply)), "message 2: " + selection);
    }

    private ExchangeResult keyExchange(IsakmpMessage message, InetSocketAddress source) {
        Optional<KeyExchangePayload> ke = message.first(KeyExchangePayload.class);
        Optional<NoncePayload> nonce = message.first(NoncePayload.class);
        if (ke.isEmpty() || nonce.isEmpty()) {
            return fail(NotifyType.PAYLOAD_MALFORMED, "message 3 lacks KE or Nonce");
        }
        int nonceLength = nonce.get().nonce().length();
        if (nonceLength < 8 || nonceLength > 256) {
            return fail(NotifyType.PAYLOAD_MALFORMED, "nonce of " + nonceLength + " bytes (RFC 2409 §5: 8..256)");
        }
        gxi = ke.get().publicValue().toByteArray();
        DhKeyPair ours = selection.group().generate(ctx.random());
        byte[] shared;
        try {
            shared = selection.group().sharedSecret(ours.privateKey(), gxi);
        } catch (IkeCryptoException e) {
            return fail(NotifyType.INVALID_KEY_INFORMATION, e.getMessage());
        } finally {
            ours.privateKey().destroy();
        }
        gxr = ours.publicValue();
        byte[] ni = nonce.get().nonce().toByteArray();
        byte[] nr = ctx.nonce();
        Phase1Authentication authentication = selection.usesSignatures() ? new Phase1Authentication.Signatures()
                : new Phase1Authentication.PreSharedKey(psk.orElseThrow().key());
        Phase1KeyInput input = new Phase1KeyInput(selection.prf(), authentication, shared, ni, nr,
                Bytes.ofUnsigned(id.initiatorCookie(), 8).toByteArray(), Bytes.ofUnsigned(id.responderCookie(), 8).toByteArray());
        keys = Phase1Keys.derive(input, selection.cipher());
        input.wipeSharedSecret();
        io.portcullis.ike.crypto.Bytes.wipe(shared);
        byte[] encryptionKey = keys.encryptionKey();
        crypto = new IkeMessageCrypto(selection.cipher(), encryptionKey);
        io.portcullis.ike.crypto.Bytes.wipe(encryptionKey);
        ivs = new IvChains(selection.prf(), IvChain.phase1(selection.prf(), gxi, gxr, selection.cipher().blockSize()),
                IkeSa.MAX_IV_CHAINS);
        peerRequestedCertificates = !message.all(CertificateRequestPayload.class).isEmpty();

        List<Payload> reply = new ArrayList<>();
        reply.add(Payload.of(KeyExchangePayload.of(gxr)));
        reply.add(Payload.of(NoncePayload.of(nr)));
        if (selection.usesSignatures()) {
            ctx.credentials().orElseThrow().requestedAuthorities().forEach(ca -> reply.add(Payload.of(
                    new CertificateRequestPayload(CertEncoding.X509_SIGNATURE, Bytes.of(ca.getEncoded())))));
        }
        List<NatDiscoveryPayload> natD = message.all(NatDiscoveryPayload.class);
        if (peerNatTraversal && natD.size() >= 2) {
            peerBehindNat = NatDetection.peerBehindNat(selection.prf(), id, natD, source);
            NatDetection.responderPayloads(selection.prf(), id, source, local).forEach(p -> reply.add(Payload.of(p)));
        }
        state = State.AWAITING_AUTHENTICATION;
        return ExchangeResult.progress(List.of(plain(reply)), "message 4" + (peerBehindNat ? ", peer behind NAT" : ""));
    }

    private ExchangeResult authentication(EncryptedMessage encrypted, byte[] datagram, InetSocketAddress source,
            InetSocketAddress destination) {
        Optional<ProtectedMessages.Opened> opened =
                ProtectedMessages.open(crypto, ivs.phase1(), ctx.decoder(), encrypted);
        if (opened.isEmpty()) {
            // RFC 2409 gives no notify for this; a wrong pre-shared key ends here too
            return ExchangeResult.dropped(Drop.UNDECRYPTABLE, "message 5 does not decrypt to a payload chain");
        }
        IsakmpMessage message = opened.get().message().message();
        // The message decrypted into a well-formed chain, so the peer's IV moved past it; our
        // notify (on failure) or message 6 (on success) must follow from there.
        opened.get().decryption().commit();
        if (!selection.usesSignatures()) {
            return finish(message, MainModeAuthentication.verifyPreSharedKey(message, psk.orElseThrow(), selection.prf(),
                    keys, transcript()), source, destination);
        }
        Optional<MainModeAuthentication.Claims> claimed = MainModeAuthentication.claims(message);
        if (claimed.isEmpty()) {
            return finish(message, MainModeAuthentication.missingClaims(), source, destination);
        }
        if (!deferAuthentication) {
            AuthDecision decision = ctx.authenticator().authenticate(claimed.get().certificates(), claimed.get().id(),
                    ctx.clock().instant());
            return finish(message, MainModeAuthentication.verifySignature(claimed.get(), decision, selection.prf(), keys,
                    transcript()), source, destination);
        }
        state = State.AUTHENTICATING;
        message5 = message;
        claims = claimed.get();
        message5Source = source;
        message5Destination = destination;
        return ExchangeResult.pending(new PendingAuthentication(id, claims.certificates(), claims.id(), ctx.clock().instant(),
                new Datagram(datagram, source, destination)));
    }

    /** Message 6 (or the notify) once the peer check of a deferred message 5 decided. */
    public ExchangeResult resume(AuthDecision decision) {
        if (state != State.AUTHENTICATING) {
            return ExchangeResult.dropped(Drop.UNEXPECTED, "no peer check pending in state " + state);
        }
        IsakmpMessage message = message5;
        MainModeAuthentication.Claims claimed = claims;
        message5 = null;
        claims = null;
        return finish(message, MainModeAuthentication.verifySignature(claimed, decision, selection.prf(), keys, transcript()),
                message5Source, message5Destination);
    }

    private Phase1Transcript transcript() {
        return new Phase1Transcript(gxi, gxr, Bytes.ofUnsigned(id.initiatorCookie(), 8).toByteArray(),
                Bytes.ofUnsigned(id.responderCookie(), 8).toByteArray(), initiatorSaBody);
    }

    private ExchangeResult finish(IsakmpMessage message, MainModeAuthentication.Outcome outcome, InetSocketAddress source,
            InetSocketAddress destination) {
        if (outcome instanceof MainModeAuthentication.Refused refused) {
            return failProtected(refused.notifyType(), refused.detail());
        }
        peer = source; // RFC 3947 §4: the initiator switches to port 4500 with message 5 ...
        local = destination; // ... and so do we: message 6 and all later traffic leave from 4500
        MainModeAuthentication.Verified verified = (MainModeAuthentication.Verified) outcome;
        IdentificationPayload ourId = ctx.credentials().map(c -> c.identity())
                .orElseGet(() -> IdentificationPayload.address(local.getAddress()));
        List<Payload> reply = MainModeAuthentication.response(ourId, ctx.credentials(), selection.usesSignatures(),
                peerRequestedCertificates, selection.prf(), keys, transcript());
        IsakmpHeader header = IsakmpHeader.of(id.initiatorCookie(), id.responderCookie(), ExchangeType.IDENTITY_PROTECTION, 0, 0);
        byte[] message6 = ProtectedMessages.seal(crypto, ivs.phase1(), header, reply);
        established = new IkeSa(id, selection, keys, crypto, ivs, verified.peer(), peer, local, peerNatTraversal,
                peerBehindNat, peerFragmentation, ctx.clock().instant(), new DeadPeerProbe(peerDpd, ctx.random().nextInt()));
        state = State.ESTABLISHED;
        List<IkeEvent> events = new ArrayList<>();
        events.add(new IkeEvent.IkeSaEstablished(id, verified.peer(), peer, selection.toString(), peerBehindNat));
        boolean initialContact = message.all(NotificationPayload.class).stream()
                .anyMatch(n -> n.notifyType().equals(NotifyType.INITIAL_CONTACT));
        if (initialContact) {
            events.add(new IkeEvent.InitialContact(id, verified.peer().identity()));
        }
        return ExchangeResult.complete(fragmentIfNeeded(message6), events, "established with " + verified.peer().displayName());
    }

    /** strongSwan's rule: fragment only for a peer that announced support, and only when too large. */
    private List<byte[]> fragmentIfNeeded(byte[] message) {
        int limit = ctx.policy().fragmentSize() - (local.getPort() == 4500 ? 4 : 0);
        if (!peerFragmentation || message.length <= limit) {
            return List.of(message);
        }
        return IkeFragmenter.fragment(message, limit, FRAGMENT_ID);
    }

    private byte[] plain(List<Payload> payloads) {
        IsakmpHeader header = IsakmpHeader.of(id.initiatorCookie(), id.responderCookie(), ExchangeType.IDENTITY_PROTECTION, 0, 0);
        return IsakmpEncoder.encode(new IsakmpMessage(header, payloads));
    }

    private ExchangeResult fail(NotifyType notify, String detail) {
        state = State.FAILED;
        byte[] reply = Notifications.plaintext(notify, id, ctx.newMessageId());
        return ExchangeResult.failed(List.of(reply), List.of(new IkeEvent.ExchangeFailed(id, peer, notify, detail)), detail);
    }

    private ExchangeResult failProtected(NotifyType notify, String detail) {
        state = State.FAILED;
        byte[] reply = ProtectedMessages.informational(id, selection.prf(), keys, crypto, ivs, ctx.newMessageId(),
                Notifications.error(notify, id));
        keys.destroy();
        crypto.destroy();
        return ExchangeResult.failed(List.of(reply), List.of(new IkeEvent.ExchangeFailed(id, peer, notify, detail)), detail);
    }
}

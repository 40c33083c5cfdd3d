package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.NatDiscoveryPayload;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.PayloadBody;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.keymat.IkeMessageCrypto;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.IvChains;
import io.portcullis.ike.keymat.Phase1AuthHash;
import io.portcullis.ike.keymat.Phase1Authentication;
import io.portcullis.ike.keymat.Phase1KeyInput;
import io.portcullis.ike.keymat.Phase1Keys;
import io.portcullis.ike.keymat.Phase1Transcript;
import io.portcullis.ike.keymat.RsaHashSignature;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The state of one Phase 1 negotiation, whichever exchange carries it (Main Mode now, Aggressive Mode
 * later) and whichever end we are: the cookies, the chosen proposal, SAi_b, the Diffie-Hellman values, the
 * nonces, the SKEYID family with message encryption and IV chains, NAT discovery, and what the peer
 * announced. HASH_I and HASH_R, and signatures over them, are built and verified <em>by role</em>: ours is
 * HASH_R when we respond and HASH_I when we initiate. The exchange state machines decide only which
 * message carries what.
 */
final class Phase1 {

    private final Role role;
    private final long initiatorCookie;
    private long responderCookie;
    private Phase1Selection selection;
    private byte[] initiatorSaBody;
    private PeerCapabilities peer = PeerCapabilities.NONE;
    private boolean peerRequestedCertificates;
    private boolean peerBehindNat;
    private DhKeyPair dh;
    private byte[] gxi;
    private byte[] gxr;
    private byte[] ni;
    private byte[] nr;
    private Phase1Keys keys;
    private boolean wiped;
    private IkeMessageCrypto crypto;
    private IvChains ivs;

    private Phase1(Role role, long initiatorCookie, long responderCookie) {
        this.role = role;
        this.initiatorCookie = initiatorCookie;
        this.responderCookie = responderCookie;
    }

    /** The peer's message 1 named its cookie; ours is fresh and never 0 (RFC 2408 §3.1). */
    static Phase1 responder(long initiatorCookie, SecureRandom random) {
        return new Phase1(Role.RESPONDER, initiatorCookie, nonZeroCookie(random));
    }

    /** We start: our cookie now, the responder's arrives with message 2. */
    static Phase1 initiator(SecureRandom random) {
        return new Phase1(Role.INITIATOR, nonZeroCookie(random), 0);
    }

    private static long nonZeroCookie(SecureRandom random) {
        long cookie;
        do {
            cookie = random.nextLong();
        } while (cookie == 0);
        return cookie;
    }

    Role role() {
        return role;
    }

    IkeSaId id() {
        return new IkeSaId(initiatorCookie, responderCookie);
    }

    /** The responder's cookie as its message 2 carries it (initiator only). */
    void responderCookie(long cookie) {
        if (role != Role.INITIATOR || responderCookie != 0) {
            throw new IllegalStateException("the responder cookie is set once, by the initiator");
        }
        responderCookie = cookie;
    }

    /** The proposal chosen, and SAi_b: the initiator's SA payload body exactly as sent, which both HASHes cover. */
    void agreed(Phase1Selection chosen, SecurityAssociationPayload initiatorSa) {
        this.selection = chosen;
        this.initiatorSaBody = initiatorSa.encodeBody().toByteArray();
    }

    Phase1Selection selection() {
        return selection;
    }

    void peerAnnounced(PeerCapabilities capabilities) {
        this.peer = capabilities;
    }

    PeerCapabilities peer() {
        return peer;
    }

    /** The peer sent CERTREQ: it wants our intermediates too (RFC 4945 §3.2.7). */
    void peerRequestedCertificates(boolean requested) {
        this.peerRequestedCertificates = requested;
    }

    boolean peerRequestedCertificates() {
        return peerRequestedCertificates;
    }

    /** Our Diffie-Hellman value in the chosen group, for our KE payload. */
    byte[] generateDh(SecureRandom random) {
        dh = selection.group().generate(random);
        return dh.publicValue();
    }

    /**
     * Computes g^xy from the peer's KE and derives SKEYID and its family, the message encryption key and the
     * Phase 1 IV (RFC 2409 §5, Appendix B). Our private DH value is destroyed either way.
     *
     * @param method how SKEYID is computed (signatures or a pre-shared key)
     */
    void deriveKeys(byte[] peerPublicValue, byte[] ourNonce, byte[] peerNonce, Phase1Authentication method)
            throws IkeCryptoException {
        byte[] ourPublic = dh.publicValue();
        byte[] shared;
        try {
            shared = selection.group().sharedSecret(dh.privateKey(), peerPublicValue);
        } finally {
            dh.privateKey().destroy();
            dh = null;
        }
        gxi = role == Role.INITIATOR ? ourPublic : peerPublicValue.clone();
        gxr = role == Role.INITIATOR ? peerPublicValue.clone() : ourPublic;
        ni = role == Role.INITIATOR ? ourNonce.clone() : peerNonce.clone();
        nr = role == Role.INITIATOR ? peerNonce.clone() : ourNonce.clone();
        Phase1KeyInput input = new Phase1KeyInput(selection.prf(), method, shared, ni, nr, cookie(initiatorCookie),
                cookie(responderCookie));
        keys = Phase1Keys.derive(input, selection.cipher());
        input.wipeSharedSecret();
        ByteArrays.wipe(shared);
        byte[] encryptionKey = keys.encryptionKey();
        crypto = new IkeMessageCrypto(selection.cipher(), encryptionKey);
        ByteArrays.wipe(encryptionKey);
        ivs = new IvChains(selection.prf(), IvChain.phase1(selection.prf(), gxi, gxr, selection.cipher().blockSize()),
                IkeSa.MAX_IV_CHAINS);
    }

    /** Our NAT-D payloads (RFC 3947 §3.2): the other end's endpoint first, then ours. */
    List<NatDiscoveryPayload> natDiscovery(InetSocketAddress peerAddress, InetSocketAddress local) {
        return NatDetection.payloads(selection.prf(), id(), peerAddress, local);
    }

    /** Reads the peer's NAT-D payloads against the address its message came from. */
    void peerNatDiscovery(List<NatDiscoveryPayload> received, InetSocketAddress source) {
        peerBehindNat = NatDetection.peerBehindNat(selection.prf(), id(), received, source);
    }

    boolean peerBehindNat() {
        return peerBehindNat;
    }

    /** The HASH we send: HASH_R as responder, HASH_I as initiator (RFC 2409 §5). */
    byte[] ourHash(IdentificationPayload ourId) {
        return hash(role, ourId);
    }

    /** The HASH the peer must have sent with {@code peerId}. */
    byte[] peerHash(IdentificationPayload peerId) {
        return hash(role == Role.RESPONDER ? Role.INITIATOR : Role.RESPONDER, peerId);
    }

    /** Whether the peer's HASH payload (pre-shared keys) verifies, in constant time. */
    boolean peerHashMatches(IdentificationPayload peerId, byte[] received) {
        return Phase1AuthHash.matches(peerHash(peerId), received);
    }

    /** Our SIG payload data: our HASH signed (RFC 2409 §5.1). */
    byte[] sign(RSAPrivateKey key, IdentificationPayload ourId) {
        return RsaHashSignature.sign(key, ourHash(ourId));
    }

    /** Verifies the peer's signature over its HASH; throws when it does not verify. */
    void verifyPeerSignature(RSAPublicKey key, IdentificationPayload peerId, byte[] signature) throws IkeCryptoException {
        RsaHashSignature.verify(key, peerHash(peerId), signature);
    }

    private byte[] hash(Role of, IdentificationPayload id) {
        byte[] skeyid = keys.skeyid();
        try {
            byte[] body = id.encodeBody().toByteArray();
            return of == Role.INITIATOR ? Phase1AuthHash.hashI(selection.prf(), skeyid, transcript(), body)
                    : Phase1AuthHash.hashR(selection.prf(), skeyid, transcript(), body);
        } finally {
            ByteArrays.wipe(skeyid);
        }
    }

    private Phase1Transcript transcript() {
        return new Phase1Transcript(gxi, gxr, cookie(initiatorCookie), cookie(responderCookie), initiatorSaBody);
    }

    private static byte[] cookie(long value) {
        return Bytes.ofUnsigned(value, 8).toByteArray();
    }

    /** Decrypts message 5 or 6; the caller commits the IV step once it knows the chain is well formed. */
    Optional<ProtectedMessages.Opened> open(EncryptedMessage message, IsakmpDecoder decoder) {
        return ProtectedMessages.open(crypto, ivs.phase1(), decoder, message);
    }

    byte[] seal(IsakmpHeader header, List<Payload> payloads) {
        return ProtectedMessages.seal(crypto, ivs.phase1(), header, payloads);
    }

    /** A protected Informational (an authentication failure) before the IKE SA exists. */
    byte[] protectedNotify(int messageId, PayloadBody body) {
        return ProtectedMessages.informational(id(), selection.prf(), keys, crypto, ivs, messageId, body);
    }

    /** The IKE SA this negotiation established; it takes the keys over. */
    IkeSa establish(AuthenticatedPeer authenticated, InetSocketAddress peerAddress, InetSocketAddress local,
            Instant at, DeadPeerProbe dpd) {
        return new IkeSa(id(), new Phase1Keying(selection, keys, crypto, ivs), authenticated, peer,
                new PeerPath(peerAddress, local, peerBehindNat), at, dpd);
    }

    /** Whether a DH private value or keys that were not wiped yet are held (what a test of giving up looks at). */
    boolean holdsKeyMaterial() {
        return dh != null || (keys != null && !wiped);
    }

    /** Wipes the keys of a negotiation that failed. */
    void destroy() {
        wiped = true;
        if (dh != null) {
            dh.privateKey().destroy();
            dh = null;
        }
        if (keys != null) {
            keys.destroy();
            crypto.destroy();
        }
    }
}

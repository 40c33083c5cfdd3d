package io.portcullis.ike.harness;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.EcpGroup;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.CertificatePayload;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.FragmentReassembler;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IkeFragmenter;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NatDiscoveryPayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.PayloadBody;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.ReassemblyLimits;
import io.portcullis.ike.isakmp.ReassemblyResult;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.SignaturePayload;
import io.portcullis.ike.isakmp.VendorIdPayload;
import io.portcullis.ike.isakmp.VendorIds;
import io.portcullis.ike.keymat.IkeMessageCrypto;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.IvChains;
import io.portcullis.ike.keymat.Phase1AuthHash;
import io.portcullis.ike.keymat.Phase1Authentication;
import io.portcullis.ike.keymat.Phase1KeyInput;
import io.portcullis.ike.keymat.Phase1Keys;
import io.portcullis.ike.keymat.Phase1Transcript;
import io.portcullis.ike.keymat.InformationalHash;
import io.portcullis.ike.keymat.RsaHashSignature;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A test-only IKEv1 Main Mode initiator with injected nonces and DH values (derived from a
 * seed), written from RFC 2409 against the keymat library. Every receive step checks what the
 * responder sent and throws {@link IllegalStateException} when it does not verify.
 */
public final class IkeInitiator {

    public static final InetSocketAddress INITIATOR = new InetSocketAddress(ChildProposal.address("192.0.2.1"), 500);
    public static final InetSocketAddress RESPONDER = new InetSocketAddress(ChildProposal.address("192.0.2.2"), 500);

    final InitiatorSuite suite;
    private final long seed;
    final long initiatorCookie;
    long responderCookie;
    private final DhKeyPair dh;
    private final byte[] ni;
    private byte[] saBody;
    private byte[] gxr;
    Phase1Keys keys;
    IkeMessageCrypto crypto;
    IvChains ivs;
    private X509Certificate certificate = TestPki.peerCertificate();
    private RSAPrivateKey privateKey = TestPki.peerKey();
    private X509Certificate gatewayCertificate = TestPki.GATEWAY;
    private IdentificationPayload identity = IdentificationPayload.fqdn("peer.test");
    private byte[] psk;
    InetSocketAddress source = INITIATOR;
    InetSocketAddress destination = RESPONDER;
    boolean peerBehindNat;
    private boolean announceDpd = true;
    private final IsakmpDecoder decoder = new IsakmpDecoder();

    public IkeInitiator(InitiatorSuite suite, long seed) {
        this.suite = suite;
        this.seed = seed;
        this.initiatorCookie = 0x1000_0000_0000_0000L | seed;
        this.ni = derived("Ni", 32);
        int privateLength = suite.dhGroup() instanceof EcpGroup ? suite.dhGroup().publicValueLength() / 2 - 1 : 32;
        this.dh = suite.dhGroup().fromPrivateValue(derived("dh", privateLength));
    }

    public IkeInitiator withCertificate(X509Certificate cert) {
        this.certificate = cert;
        return this;
    }

    /** Signs with this key (its certificate set with {@link #withCertificate}), e.g. a PKI valid in real time. */
    public IkeInitiator withPrivateKey(RSAPrivateKey key) {
        this.privateKey = key;
        return this;
    }

    /** Checks SIG_R against this certificate's key instead of {@link TestPki#GATEWAY}'s. */
    public IkeInitiator expectingGateway(X509Certificate gateway) {
        this.gatewayCertificate = gateway;
        return this;
    }

    /** Addresses messages to this responder (its address goes into our NAT-D hash of it). */
    public IkeInitiator to(InetSocketAddress responder) {
        this.destination = responder;
        return this;
    }

    public long initiatorCookie() {
        return initiatorCookie;
    }

    public IkeInitiator withIdentity(IdentificationPayload id) {
        this.identity = id;
        return this;
    }

    /** Leaves the RFC 3706 vendor ID out of message 1: a peer the gateway must not probe. */
    public IkeInitiator withoutDpd() {
        this.announceDpd = false;
        return this;
    }

    public IkeInitiator withPreSharedKey(byte[] key) {
        this.psk = key.clone();
        return this;
    }

    /** Sends from another address (e.g. a second host, or port 4500 after NAT-T floating). */
    public IkeInitiator from(InetSocketAddress address) {
        this.source = address;
        return this;
    }

    public Datagram message1() {
        SecurityAssociationPayload sa = SecurityAssociationPayload.of(List.of(
                new ProposalPayload(1, ProtocolId.ISAKMP, Bytes.EMPTY, List.of(suite.transform(1)))));
        saBody = sa.encodeBody().toByteArray();
        List<PayloadBody> bodies = new ArrayList<>(List.of(sa, new VendorIdPayload(VendorIds.FRAGMENTATION),
                new VendorIdPayload(VendorIds.NAT_T_RFC3947)));
        if (announceDpd) {
            bodies.add(1, new VendorIdPayload(VendorIds.DPD));
        }
        return plain(bodies.toArray(PayloadBody[]::new));
    }

    public IsakmpMessage receive2(Datagram datagram) {
        IsakmpMessage message = decode(datagram);
        SecurityAssociationPayload sa = message.first(SecurityAssociationPayload.class)
                .orElseThrow(() -> new IllegalStateException("message 2 without SA: " + message));
        if (sa.proposals().size() != 1 || sa.proposals().get(0).transforms().size() != 1) {
            throw new IllegalStateException("responder must choose exactly one transform");
        }
        responderCookie = message.header().responderCookie();
        return message;
    }

    public Datagram message3() {
        IkeSaIdBytes ids = cookies();
        byte[] natdResponder = suite.prf().hash(ids.both(), destination.getAddress().getAddress(), port(destination));
        // like strongSwan's encap=yes: a hash of no real address of ours forces UDP encapsulation
        byte[] natdSelf = suite.prf().hash(ids.both(), new byte[] {9, 9, 9, 9}, port(source));
        return plain(KeyExchangePayload.of(dh.publicValue()), NoncePayload.of(ni), NatDiscoveryPayload.of(natdResponder),
                NatDiscoveryPayload.of(natdSelf));
    }

    public IsakmpMessage receive4(Datagram datagram) throws IkeCryptoException {
        IsakmpMessage message = decode(datagram);
        gxr = message.first(KeyExchangePayload.class).orElseThrow().publicValue().toByteArray();
        byte[] nr = message.first(NoncePayload.class).orElseThrow().nonce().toByteArray();
        byte[] shared = suite.dhGroup().sharedSecret(dh.privateKey(), gxr);
        Phase1Authentication auth = psk == null ? new Phase1Authentication.Signatures()
                : new Phase1Authentication.PreSharedKey(psk);
        IkeSaIdBytes ids = cookies();
        keys = Phase1Keys.derive(new Phase1KeyInput(suite.prf(), auth, shared, ni, nr, ids.i(), ids.r()), suite.ikeCipher());
        crypto = new IkeMessageCrypto(suite.ikeCipher(), keys.encryptionKey());
        ivs = new IvChains(suite.prf(), IvChain.phase1(suite.prf(), dh.publicValue(), gxr, suite.ikeCipher().blockSize()), 16);
        return message;
    }

    public Datagram message5() {
        return message5(UnaryOperator.identity());
    }

    /** Message 5 with its payloads passed through {@code tamper} before encryption. */
    public Datagram message5(UnaryOperator<List<Payload>> tamper) {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(identity));
        byte[] hashI = Phase1AuthHash.hashI(suite.prf(), keys.skeyid(), transcript(), identity.encodeBody().toByteArray());
        if (psk == null) {
            payloads.add(Payload.of(CertificatePayload.x509(encoded(certificate))));
            payloads.add(Payload.of(SignaturePayload.of(RsaHashSignature.sign(privateKey, hashI))));
        } else {
            payloads.add(Payload.of(HashPayload.of(hashI)));
        }
        return encrypted(ExchangeType.IDENTITY_PROTECTION, 0, ivs.phase1(), tamper.apply(payloads));
    }

    /** The datagram split the way strongSwan fragments its message 5. */
    public List<Datagram> fragments(Datagram whole, int size) {
        return IkeFragmenter.fragment(whole.data(), size, 1).stream().map(d -> new Datagram(d, source, destination)).toList();
    }

    /** Reassembles (if fragmented), decrypts message 6 and checks SIG_R / HASH_R. */
    public IsakmpMessage receive6(List<Datagram> datagrams) {
        byte[] whole = datagrams.get(0).data();
        if (datagrams.size() > 1) {
            FragmentReassembler reassembler = new FragmentReassembler(Clock.systemUTC(), ReassemblyLimits.defaults());
            for (Datagram d : datagrams) {
                ReassemblyResult r = reassembler.offer(decode(d));
                if (r instanceof ReassemblyResult.Complete c) {
                    whole = c.message().toByteArray();
                }
            }
        }
        IsakmpMessage message = open(whole, ivs.phase1());
        IdentificationPayload idr = message.first(IdentificationPayload.class).orElseThrow();
        byte[] hashR = Phase1AuthHash.hashR(suite.prf(), keys.skeyid(), transcript(), idr.encodeBody().toByteArray());
        try {
            if (psk == null) {
                X509Certificate gateway = gatewayCertificate;
                byte[] sig = message.first(SignaturePayload.class).orElseThrow().signature().toByteArray();
                RsaHashSignature.verify((RSAPublicKey) gateway.getPublicKey(), hashR, sig);
            } else if (!MessageDigest.isEqual(hashR, message.first(HashPayload.class).orElseThrow().hash().toByteArray())) {
                throw new IllegalStateException("HASH_R does not verify");
            }
        } catch (IkeCryptoException e) {
            throw new IllegalStateException("SIG_R does not verify", e);
        }
        return message;
    }

    /** Decrypts a protected Informational from the responder and checks its HASH(1). */
    public IsakmpMessage openInformational(Datagram datagram) {
        int messageId = header(datagram.data()).messageId();
        IsakmpMessage message = open(datagram.data(), ivs.forMessageId(messageId));
        ivs.forget(messageId);
        byte[] expected = InformationalHash.hash1(suite.prf(), keys.skeyidA(), messageId,
                IsakmpEncoder.encodePayloads(message.payloads().subList(1, message.payloads().size())));
        if (!MessageDigest.isEqual(expected, message.first(HashPayload.class).orElseThrow().hash().toByteArray())) {
            throw new IllegalStateException("Informational HASH(1) does not verify");
        }
        return message;
    }

    /** The message ID of an ISAKMP datagram. */
    public static int messageId(Datagram datagram) {
        return header(datagram.data()).messageId();
    }

    /** A protected Informational carrying {@code body} (DPD, DELETE, INITIAL-CONTACT). */
    public Datagram informational(int messageId, PayloadBody body) {
        byte[] rest = IsakmpEncoder.encodePayloads(List.of(Payload.of(body)));
        byte[] hash = InformationalHash.hash1(suite.prf(), keys.skeyidA(), messageId, rest);
        Datagram out = encrypted(ExchangeType.INFORMATIONAL, messageId, ivs.forMessageId(messageId),
                List.of(Payload.of(HashPayload.of(hash)), Payload.of(body)));
        ivs.forget(messageId);
        return out;
    }

    Datagram encrypted(ExchangeType type, int messageId, IvChain chain, List<Payload> payloads) {
        byte[] ciphertext = crypto.encrypt(chain, IsakmpEncoder.encodePayloads(payloads));
        IsakmpHeader header = IsakmpHeader.of(initiatorCookie, responderCookie, type, IsakmpHeader.FLAG_ENCRYPTION, messageId);
        return new Datagram(IsakmpEncoder.encode(new EncryptedMessage(header, payloads.get(0).type(), Bytes.of(ciphertext))),
                source, destination);
    }

    IsakmpMessage open(byte[] datagram, IvChain chain) {
        try {
            EncryptedMessage encrypted = decoder.decodeEncrypted(datagram);
            IkeMessageCrypto.Decryption decryption = crypto.decrypt(chain, encrypted.ciphertext().toByteArray());
            IsakmpMessage message = decoder.decodeDecrypted(encrypted, decryption.plaintext()).message();
            decryption.commit();
            return message;
        } catch (IsakmpDecodeException | IkeCryptoException e) {
            throw new IllegalStateException("cannot open responder message", e);
        }
    }

    public IsakmpMessage decode(Datagram datagram) {
        try {
            return decoder.decode(datagram.data());
        } catch (IsakmpDecodeException e) {
            throw new IllegalStateException("responder sent an undecodable message", e);
        }
    }

    static IsakmpHeader header(byte[] datagram) {
        try {
            return new IsakmpDecoder().decodeHeader(datagram);
        } catch (IsakmpDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    public PrfAlgorithm prf() {
        return suite.prf();
    }

    private Datagram plain(PayloadBody... bodies) {
        IsakmpHeader header = IsakmpHeader.of(initiatorCookie, responderCookie, ExchangeType.IDENTITY_PROTECTION, 0, 0);
        return new Datagram(IsakmpEncoder.encode(IsakmpMessage.of(header, bodies)), source, destination);
    }

    private Phase1Transcript transcript() {
        IkeSaIdBytes ids = cookies();
        return new Phase1Transcript(dh.publicValue(), gxr, ids.i(), ids.r(), saBody);
    }

    private record IkeSaIdBytes(byte[] i, byte[] r) {
        byte[] both() {
            return ByteArrays.concat(i, r);
        }
    }

    private IkeSaIdBytes cookies() {
        return new IkeSaIdBytes(Bytes.ofUnsigned(initiatorCookie, 8).toByteArray(),
                Bytes.ofUnsigned(responderCookie, 8).toByteArray());
    }

    private static byte[] port(InetSocketAddress address) {
        return new byte[] {(byte) (address.getPort() >>> 8), (byte) address.getPort()};
    }

    private byte[] derived(String label, int length) {
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int offset = 0; offset < length; offset += block.length) {
            block = PrfAlgorithm.HMAC_SHA2_256.prf((label + seed).getBytes(java.nio.charset.StandardCharsets.US_ASCII), block);
            System.arraycopy(block, 0, out, offset, Math.min(block.length, length - offset));
        }
        out[0] = (byte) ((out[0] & 0x3F) | 0x10); // a private value well inside every group's order
        return out;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

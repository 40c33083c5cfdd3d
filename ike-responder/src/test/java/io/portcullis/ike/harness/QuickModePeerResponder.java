package io.portcullis.ike.harness;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhGroups;
import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.QuickModeHashes;
import io.portcullis.ike.keymat.QuickModeKeymat;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The test peer answering a Quick Mode the gateway initiates (RFC 2409 §5.5, responder role) under an
 * {@link IkeInitiator}'s ISAKMP SA, written from the RFC against the keymat library: it checks HASH(1),
 * answers the proposal unchanged under its own SPI with its nonce (and KE value when PFS is asked for)
 * and the same IDs, and checks HASH(3). Receive steps throw {@link IllegalStateException} when the
 * gateway's message does not verify.
 */
public final class QuickModePeerResponder {

    private final IkeInitiator ike;
    private final int spi;
    private int messageId;
    /** The gateway's message 1 as sent: every message 2 we build is encrypted from the IV it leaves. */
    private byte[] message1Ciphertext;
    /** The chain after the last genuine message 2 we built, which HASH(3) is encrypted on from. */
    private IvChain chain;
    private byte[] ni;
    private final byte[] nr;
    private int gatewaySpi;
    private TransformPayload transform;
    private List<IdentificationPayload> ids;
    private Optional<DhGroup> group = Optional.empty();
    private byte[] pfsSecret;
    private DhKeyPair dh;

    /** @param spi the SPI this peer chooses for the SA the gateway sends on */
    public QuickModePeerResponder(IkeInitiator ike, int spi) {
        this.ike = ike;
        this.spi = spi;
        this.nr = ike.prf().hash(new byte[] {3}, ByteBuffer.allocate(4).putInt(spi).array());
    }

    /** Decrypts the gateway's message 1, checks HASH(1), records its SPI, nonce, transform, KE and IDs. */
    public IsakmpMessage receive1(Datagram datagram) {
        messageId = IkeInitiator.messageId(datagram);
        try {
            message1Ciphertext = new IsakmpDecoder().decodeEncrypted(datagram.data()).ciphertext().toByteArray();
        } catch (IsakmpDecodeException e) {
            throw new IllegalStateException("the gateway's message 1 does not decode", e);
        }
        IsakmpMessage message = ike.open(datagram.data(), IvChain.phase2(ike.prf(), ike.ivs.phase1(), messageId));
        List<Payload> payloads = message.payloads();
        byte[] expected = QuickModeHashes.hash1(ike.prf(), ike.keys.skeyidA(), messageId,
                IsakmpEncoder.encodePayloads(payloads.subList(1, payloads.size())));
        if (!MessageDigest.isEqual(expected, message.first(HashPayload.class).orElseThrow().hash().toByteArray())) {
            throw new IllegalStateException("HASH(1) does not verify");
        }
        ProposalPayload proposal = message.first(SecurityAssociationPayload.class).orElseThrow().proposals().get(0);
        gatewaySpi = ByteBuffer.wrap(proposal.spi().toByteArray()).getInt();
        transform = proposal.transforms().get(0);
        ni = message.first(NoncePayload.class).orElseThrow().nonce().toByteArray();
        ids = message.all(IdentificationPayload.class);
        group = transform.attribute(IpsecAttributeType.GROUP_DESCRIPTION)
                .map(a -> DhGroups.byId(a.unsignedValue().intValue()).orElseThrow());
        if (group.isPresent()) {
            dh = group.get().generate(new SecureRandom());
            byte[] gatewayKe = message.first(KeyExchangePayload.class).orElseThrow().publicValue().toByteArray();
            try {
                pfsSecret = group.get().sharedSecret(dh.privateKey(), gatewayKe);
            } catch (IkeCryptoException e) {
                throw new IllegalStateException("the gateway's KE value is invalid", e);
            }
        }
        return message;
    }

    /**
     * A fresh copy of the exchange's IV chain as it stands after message 1 (RFC 2409 Appendix B), so that
     * genuine and hostile variants of message 2 are all encrypted as the first answer would be.
     */
    private IvChain afterMessage1() {
        IvChain fresh = IvChain.phase2(ike.prf(), ike.ivs.phase1(), messageId);
        try {
            ike.crypto.decrypt(fresh, message1Ciphertext).commit();
        } catch (IkeCryptoException e) {
            throw new IllegalStateException(e);
        }
        return fresh;
    }

    public Datagram message2() {
        return message2(UnaryOperator.identity());
    }

    /** Message 2 with the payloads after HASH(2) passed through {@code tamper} before hashing and encryption. */
    public Datagram message2(UnaryOperator<List<Payload>> tamper) {
        List<Payload> rest = tamper.apply(rest());
        byte[] hash = QuickModeHashes.hash2(ike.prf(), ike.keys.skeyidA(), messageId, ni, IsakmpEncoder.encodePayloads(rest));
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(HashPayload.of(hash)));
        payloads.addAll(rest);
        chain = afterMessage1();
        return ike.encrypted(ExchangeType.QUICK_MODE, messageId, chain, payloads);
    }

    /** Message 2 correctly encrypted but carrying {@code hash} instead of HASH(2). */
    public Datagram message2WithHash(byte[] hash) {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(HashPayload.of(hash)));
        payloads.addAll(rest());
        return ike.encrypted(ExchangeType.QUICK_MODE, messageId, afterMessage1(), payloads);
    }

    /** A correct message 2 encrypted and hashed as if the exchange had this other message ID. */
    public Datagram message2Under(int otherMessageId) {
        List<Payload> rest = rest();
        byte[] hash = QuickModeHashes.hash2(ike.prf(), ike.keys.skeyidA(), otherMessageId, ni,
                IsakmpEncoder.encodePayloads(rest));
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(HashPayload.of(hash)));
        payloads.addAll(rest);
        return ike.encrypted(ExchangeType.QUICK_MODE, otherMessageId, ike.ivs.forMessageId(otherMessageId), payloads);
    }

    /** SA (the proposal unchanged, our SPI), Nr, KE when PFS, the two IDs as received. */
    private List<Payload> rest() {
        List<Payload> rest = new ArrayList<>();
        rest.add(Payload.of(SecurityAssociationPayload.of(List.of(new ProposalPayload(1, ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(spi & 0xFFFF_FFFFL, 4), List.of(transform))))));
        rest.add(Payload.of(NoncePayload.of(nr)));
        if (dh != null) {
            rest.add(Payload.of(KeyExchangePayload.of(dh.publicValue())));
        }
        ids.forEach(id -> rest.add(Payload.of(id)));
        return rest;
    }

    /** Checks the gateway's HASH(3). */
    public void receive3(Datagram datagram) {
        IsakmpMessage message = ike.open(datagram.data(), chain);
        byte[] expected = QuickModeHashes.hash3(ike.prf(), ike.keys.skeyidA(), messageId, ni, nr);
        if (!MessageDigest.isEqual(expected, message.first(HashPayload.class).orElseThrow().hash().toByteArray())) {
            throw new IllegalStateException("HASH(3) does not verify");
        }
    }

    /** What strongSwan sends to refuse the proposal: an Informational with the notify naming the gateway's SPI. */
    public Datagram refuse(NotifyType type, int informationalMessageId) {
        return ike.informational(informationalMessageId, NotificationPayload.of(type, ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(gatewaySpi & 0xFFFF_FFFFL, 4), Bytes.EMPTY));
    }

    /** A RESPONDER-LIFETIME notify (RFC 2407 §4.6.3.1) shortening the SA to {@code seconds}. */
    public Payload responderLifetime(long seconds) {
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        for (DataAttribute attribute : List.of(DataAttribute.of(IpsecAttributeType.SA_LIFE_TYPE, 1),
                DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, seconds))) {
            data.writeBytes(attributeBytes(attribute));
        }
        return Payload.of(NotificationPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(gatewaySpi & 0xFFFF_FFFFL, 4), Bytes.of(data.toByteArray())));
    }

    /** RFC 2408 §3.3 by hand (the codec's writer is package-private): TV when 2 bytes, else TLV. */
    private static byte[] attributeBytes(DataAttribute attribute) {
        byte[] value = attribute.value().toByteArray();
        ByteBuffer out = ByteBuffer.allocate(4 + (value.length == 2 ? 0 : value.length));
        if (value.length == 2) {
            out.putShort((short) (0x8000 | attribute.type())).put(value);
        } else {
            out.putShort((short) attribute.type()).putShort((short) value.length).put(value);
        }
        return out.array();
    }

    public int spi() {
        return spi;
    }

    /** The SPI the gateway chose: it receives on it, we send on it. */
    public int gatewaySpi() {
        return gatewaySpi;
    }

    public int messageId() {
        return messageId;
    }

    public TransformPayload proposedTransform() {
        return transform;
    }

    public List<IdentificationPayload> proposedIds() {
        return ids;
    }

    /** KEYMAT of the SA we receive on (our SPI). */
    public byte[] inboundKeymat(int length) {
        return keymat(spi, length);
    }

    /** KEYMAT of the SA we send on (the gateway's SPI). */
    public byte[] outboundKeymat(int length) {
        return keymat(gatewaySpi, length);
    }

    private byte[] keymat(int which, int length) {
        return QuickModeKeymat.keymat(ike.prf(), ike.keys.skeyidD(), pfsSecret, ProtocolId.IPSEC_ESP.value(), which, ni, nr,
                length);
    }
}

package io.portcullis.ike.harness;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhGroups;
import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.EcpGroup;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.KeyExchangePayload;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.QuickModeHashes;
import io.portcullis.ike.keymat.QuickModeKeymat;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The test initiator's Quick Mode (RFC 2409 §5.5) under an {@link IkeInitiator}'s ISAKMP SA. */
public final class QuickModeInitiator {

    private final IkeInitiator ike;
    private final ChildProposal proposal;
    private final int messageId;
    private final int initiatorSpi;
    private final IvChain chain;
    private final byte[] ni;
    private final DhKeyPair dh;
    private byte[] nr;
    private int responderSpi;
    private byte[] pfsSecret;

    public QuickModeInitiator(IkeInitiator ike, ChildProposal proposal, int messageId) {
        this.ike = ike;
        this.proposal = proposal;
        this.messageId = messageId;
        this.initiatorSpi = 0x0c000000 | (messageId & 0xFFFF);
        this.chain = ike.ivs.forMessageId(messageId);
        this.ni = ike.prf().hash(new byte[] {1}, ByteBuffer.allocate(4).putInt(messageId).array());
        if (proposal.pfsGroup() != 0) {
            DhGroup group = DhGroups.byId(proposal.pfsGroup()).orElseThrow();
            byte[] secret = ike.prf().hash(new byte[] {2}, ByteBuffer.allocate(4).putInt(messageId).array());
            int length = group instanceof EcpGroup ? Math.min(group.publicValueLength() / 2 - 1, secret.length) : 20;
            byte[] value = java.util.Arrays.copyOf(secret, length);
            value[0] = (byte) ((value[0] & 0x3F) | 0x10);
            this.dh = group.fromPrivateValue(value);
        } else {
            this.dh = null;
        }
    }

    public int initiatorSpi() {
        return initiatorSpi;
    }

    public int responderSpi() {
        return responderSpi;
    }

    public Datagram message1() {
        return message1(UnaryOperator.identity());
    }

    public Datagram message1(UnaryOperator<List<Payload>> tamper) {
        List<Payload> rest = new ArrayList<>();
        rest.add(Payload.of(SecurityAssociationPayload.of(List.of(new ProposalPayload(1, ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(initiatorSpi, 4), List.of(proposal.transformPayload()))))));
        rest.add(Payload.of(NoncePayload.of(ni)));
        if (dh != null) {
            rest.add(Payload.of(KeyExchangePayload.of(dh.publicValue())));
        }
        if (proposal.idci() != null) {
            rest.add(Payload.of(proposal.idci()));
            rest.add(Payload.of(proposal.idcr()));
        }
        rest = tamper.apply(rest);
        byte[] hash = QuickModeHashes.hash1(ike.prf(), ike.keys.skeyidA(), messageId, IsakmpEncoder.encodePayloads(rest));
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(HashPayload.of(hash)));
        payloads.addAll(rest);
        return ike.encrypted(ExchangeType.QUICK_MODE, messageId, chain, payloads);
    }

    /** Decrypts message 2, checks HASH(2), records the responder's SPI, nonce and KE. */
    public IsakmpMessage receive2(Datagram datagram) throws IkeCryptoException {
        IsakmpMessage message = ike.open(datagram.data(), chain);
        List<Payload> payloads = message.payloads();
        byte[] expected = QuickModeHashes.hash2(ike.prf(), ike.keys.skeyidA(), messageId, ni,
                IsakmpEncoder.encodePayloads(payloads.subList(1, payloads.size())));
        if (!MessageDigest.isEqual(expected, message.first(HashPayload.class).orElseThrow().hash().toByteArray())) {
            throw new IllegalStateException("HASH(2) does not verify");
        }
        SecurityAssociationPayload sa = message.first(SecurityAssociationPayload.class).orElseThrow();
        responderSpi = ByteBuffer.wrap(sa.proposals().get(0).spi().toByteArray()).getInt();
        nr = message.first(NoncePayload.class).orElseThrow().nonce().toByteArray();
        if (dh != null) {
            byte[] kr = message.first(KeyExchangePayload.class).orElseThrow().publicValue().toByteArray();
            pfsSecret = DhGroups.byId(proposal.pfsGroup()).orElseThrow().sharedSecret(dh.privateKey(), kr);
        }
        return message;
    }

    public Datagram message3() {
        byte[] hash = QuickModeHashes.hash3(ike.prf(), ike.keys.skeyidA(), messageId, ni, nr);
        return ike.encrypted(ExchangeType.QUICK_MODE, messageId, chain, List.of(Payload.of(HashPayload.of(hash))));
    }

    /** KEYMAT of the SA we (the initiator) receive on: our SPI. */
    public byte[] inboundKeymat() {
        return keymat(initiatorSpi);
    }

    /** KEYMAT of the SA we send on: the responder's SPI. */
    public byte[] outboundKeymat() {
        return keymat(responderSpi);
    }

    private byte[] keymat(int spi) {
        return QuickModeKeymat.keymat(ike.prf(), ike.keys.skeyidD(), pfsSecret, ProtocolId.IPSEC_ESP.value(), spi, ni, nr,
                proposal.transform().keymatBytes());
    }
}

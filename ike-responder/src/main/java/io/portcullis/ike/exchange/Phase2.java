package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.DhKeyPair;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.keymat.ChildSaKeys;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.QuickModeHashes;
import io.portcullis.ike.keymat.QuickModeKeyInput;
import io.portcullis.ike.keymat.QuickModeKeymat;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keying of one Quick Mode (RFC 2409 §5.5) under an established IKE SA, for either role: the
 * message ID and its IV chain, the nonces Ni and Nr, the PFS Diffie-Hellman exchange, HASH(1), HASH(2)
 * and HASH(3) both built and checked, and the KEYMAT of the new pair. The exchanges on top of it
 * ({@link QuickModeResponder}, {@link QuickModeRekeyInitiator}) only decide what to propose or accept;
 * nothing here depends on which one runs it except which nonce is ours.
 *
 * <pre>
 *   HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [ | KE ] [ | IDci | IDcr ])   initiator → responder
 *   HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [ | KE ] [ | IDci | IDcr ])   responder → initiator
 *   HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b)   initiator → responder
 * </pre>
 */
final class Phase2 {

    private final IkeSa sa;
    private final Role role;
    private final int messageId;
    private final IvChain chain;
    private byte[] ni;
    private byte[] nr;
    /** Our PFS value while the peer's is outstanding. */
    private DhKeyPair dh;
    /** g(qm)^xy once both values are known; {@code null} without PFS. */
    private byte[] pfsSecret;

    private Phase2(IkeSa sa, Role role, int messageId) {
        this.sa = Objects.requireNonNull(sa, "sa");
        this.role = role;
        this.messageId = messageId;
        this.chain = sa.ivs().forMessageId(messageId);
    }

    /** We start the Quick Mode: our nonce is Ni. */
    static Phase2 initiator(IkeSa sa, int messageId, byte[] ni) {
        Phase2 phase2 = new Phase2(sa, Role.INITIATOR, messageId);
        phase2.ni = ni.clone();
        return phase2;
    }

    /** The peer started it under its message ID; both nonces arrive with message 1 and our reply. */
    static Phase2 responder(IkeSa sa, int messageId) {
        return new Phase2(sa, Role.RESPONDER, messageId);
    }

    /** The peer's nonce, from its message 1 (we respond) or 2 (we initiated). */
    void peerNonce(byte[] nonce) {
        if (role == Role.RESPONDER) {
            ni = nonce.clone();
        } else {
            nr = nonce.clone();
        }
    }

    /** Our nonce as responder, sent in message 2. */
    void ourNonce(byte[] nonce) {
        if (role != Role.RESPONDER) {
            throw new IllegalStateException("the initiator's nonce is fixed when it starts");
        }
        nr = nonce.clone();
    }

    /** Starts PFS in {@code group}: our public value for the KE payload. */
    byte[] startPfs(DhGroup group, SecureRandom random) {
        dh = group.generate(random);
        return dh.publicValue();
    }

    /** Completes PFS with the peer's KE; our private value is destroyed either way. */
    void completePfs(DhGroup group, byte[] peerPublicValue) throws IkeCryptoException {
        try {
            pfsSecret = group.sharedSecret(dh.privateKey(), peerPublicValue);
        } finally {
            destroyDh();
        }
    }

    /** Decrypts a message of the peer and checks HASH({@code number}) before the IV moves. */
    ProtectedMessages.Checked open(EncryptedMessage message, IsakmpDecoder decoder, int number) {
        return ProtectedMessages.openVerified(sa, chain, decoder, message, "Quick Mode " + number,
                "HASH(" + number + ")", 1,
                (skeyidA, rest) -> hash(number, skeyidA, rest));
    }

    /** Message {@code number} of ours: HASH({@code number}) computed over {@code rest}, then {@code rest}, sealed. */
    byte[] seal(int number, List<Payload> rest) {
        byte[] skeyidA = sa.keys().skeyidA();
        byte[] hash;
        try {
            hash = hash(number, skeyidA, IsakmpEncoder.encodePayloads(rest));
        } finally {
            ByteArrays.wipe(skeyidA);
        }
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(HashPayload.of(hash)));
        payloads.addAll(rest);
        IsakmpHeader header = IsakmpHeader.of(sa.id().initiatorCookie(), sa.id().responderCookie(),
                ExchangeType.QUICK_MODE, 0, messageId);
        return ProtectedMessages.seal(sa.crypto(), chain, header, payloads);
    }

    private byte[] hash(int number, byte[] skeyidA, byte[] rest) {
        return switch (number) {
            case 1 -> QuickModeHashes.hash1(sa.selection().prf(), skeyidA, messageId, rest);
            case 2 -> QuickModeHashes.hash2(sa.selection().prf(), skeyidA, messageId, ni, rest);
            case 3 -> QuickModeHashes.hash3(sa.selection().prf(), skeyidA, messageId, ni, nr);
            default -> throw new IllegalArgumentException("Quick Mode has no HASH(" + number + ")");
        };
    }

    /**
     * The KEYMAT of the new pair: inbound under our SPI, outbound under the peer's, Ni | Nr in initiator-first
     * order whoever we are (RFC 2409 §5.5). The caller destroys the result once installed.
     */
    ChildSaKeys keys(int ourSpi, int peerSpi, int keymatLength) {
        byte[] skeyidD = sa.keys().skeyidD();
        try {
            return QuickModeKeymat.derive(new QuickModeKeyInput(sa.selection().prf(), skeyidD, pfsSecret,
                    ProtocolId.IPSEC_ESP.value(), ourSpi, peerSpi, ni, nr, keymatLength));
        } finally {
            ByteArrays.wipe(skeyidD);
        }
    }

    /** The exchange ended, either way: wipes the DH secrets. The IV chain is the caller's to forget. */
    void destroy() {
        destroyDh();
        ByteArrays.wipe(pfsSecret);
        pfsSecret = null;
    }

    private void destroyDh() {
        if (dh != null) {
            dh.privateKey().destroy();
            dh = null;
        }
    }
}

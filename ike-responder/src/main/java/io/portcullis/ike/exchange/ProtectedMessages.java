package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DecryptedMessage;
import io.portcullis.ike.isakmp.EncryptedMessage;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.PayloadBody;
import io.portcullis.ike.keymat.IkeMessageCrypto;
import io.portcullis.ike.keymat.IvChain;
import io.portcullis.ike.keymat.IvChains;
import io.portcullis.ike.keymat.Phase1Keys;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.keymat.InformationalHash;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Encryption of whole messages under an IKE SA, and the protected Informational exchange
 * (RFC 2409 §5.7: HDR*, HASH(1), N/D with HASH(1) = prf(SKEYID_a, M-ID | N/D)).
 */
final class ProtectedMessages {

    /** A decrypted message whose IV step waits for the caller's verification. */
    record Opened(DecryptedMessage message, IkeMessageCrypto.Decryption decryption) {
    }

    /**
     * How the HASH payload that leads a message after Phase 1 is computed (Quick Mode HASH(n), Informational
     * HASH(1)) from SKEYID_a and the encoding of every payload after it.
     */
    @FunctionalInterface
    interface ExpectedHash {
        byte[] compute(byte[] skeyidA, byte[] afterHash);
    }

    /** A message that decrypted and whose leading HASH verified; the IV chain has moved past it. */
    sealed interface Checked permits Verified, Rejected {
    }

    record Verified(IsakmpMessage message) implements Checked {
    }

    /** Dropped without moving the IV, so the genuine message can still arrive. */
    record Rejected(Drop drop, String detail) implements Checked {
        ExchangeResult result() {
            return ExchangeResult.dropped(drop, detail);
        }
    }

    private ProtectedMessages() {
    }

    /**
     * Decrypts a message under an established IKE SA and checks its leading HASH payload in constant time;
     * only a verified message moves the IV chain (a forged or corrupted one must not desynchronise it).
     *
     * @param what names the message in the drop detail ("Quick Mode 2", "Informational")
     * @param hashName names the HASH expected ("HASH(1)")
     * @param minimumPayloads the HASH included
     */
    static Checked openVerified(IkeSa sa, IvChain chain, IsakmpDecoder decoder, EncryptedMessage message, String what,
            String hashName, int minimumPayloads, ExpectedHash expected) {
        Optional<Opened> opened = open(sa.crypto(), chain, decoder, message);
        if (opened.isEmpty()) {
            return new Rejected(Drop.UNDECRYPTABLE, what + " does not decrypt");
        }
        List<Payload> payloads = opened.get().message().message().payloads();
        if (payloads.size() < minimumPayloads || !(payloads.get(0).body() instanceof HashPayload hash)) {
            return new Rejected(Drop.BAD_HASH, what + " does not start with " + hashName);
        }
        byte[] skeyidA = sa.keys().skeyidA();
        try {
            if (!MessageDigest.isEqual(expected.compute(skeyidA, afterHash(payloads)), hash.hash().toByteArray())) {
                return new Rejected(Drop.BAD_HASH, hashName + " of " + what + " does not verify");
            }
        } finally {
            ByteArrays.wipe(skeyidA);
        }
        opened.get().decryption().commit();
        return new Verified(opened.get().message().message());
    }

    static byte[] seal(IkeMessageCrypto crypto, IvChain chain, IsakmpHeader header, List<Payload> payloads) {
        byte[] ciphertext = crypto.encrypt(chain, IsakmpEncoder.encodePayloads(payloads));
        IsakmpHeader encrypted = header.withFlags(header.flags() | IsakmpHeader.FLAG_ENCRYPTION);
        return IsakmpEncoder.encode(new EncryptedMessage(encrypted, payloads.get(0).type(),
                Bytes.of(ciphertext)));
    }

    /** Decrypts and decodes; empty when the result is not a payload chain (wrong keys, corruption). */
    static Optional<Opened> open(IkeMessageCrypto crypto, IvChain chain, IsakmpDecoder decoder, EncryptedMessage message) {
        try {
            IkeMessageCrypto.Decryption decryption = crypto.decrypt(chain, message.ciphertext().toByteArray());
            DecryptedMessage decoded = decoder.decodeDecrypted(message, decryption.plaintext());
            return Optional.of(new Opened(decoded, decryption));
        } catch (IkeCryptoException | IsakmpDecodeException e) {
            return Optional.empty();
        }
    }

    /** The encoding of every payload after the leading HASH payload: the input of HASH(n). */
    static byte[] afterHash(List<Payload> payloads) {
        return IsakmpEncoder.encodePayloads(payloads.subList(1, payloads.size()));
    }

    /** A protected Informational with one notify or delete payload, on a fresh M-ID. */
    static byte[] informational(IkeSa sa, int messageId, PayloadBody body) {
        return informational(sa.id(), sa.selection().prf(), sa.keys(), sa.crypto(), sa.ivs(), messageId, body);
    }

    /** Also used before the IKE SA object exists: an authentication failure in Main Mode 5. */
    static byte[] informational(IkeSaId id, PrfAlgorithm prf, Phase1Keys keys, IkeMessageCrypto crypto, IvChains ivs,
            int messageId, PayloadBody body) {
        byte[] skeyidA = keys.skeyidA();
        try {
            List<Payload> rest = List.of(Payload.of(body));
            byte[] hash = InformationalHash.hash1(prf, skeyidA, messageId, IsakmpEncoder.encodePayloads(rest));
            List<Payload> payloads = new ArrayList<>();
            payloads.add(Payload.of(HashPayload.of(hash)));
            payloads.addAll(rest);
            IsakmpHeader header = IsakmpHeader.of(id.initiatorCookie(), id.responderCookie(),
                    ExchangeType.INFORMATIONAL, 0, messageId);
            byte[] datagram = seal(crypto, ivs.forMessageId(messageId), header, payloads);
            ivs.forget(messageId);
            return datagram;
        } finally {
            ByteArrays.wipe(skeyidA);
        }
    }
}

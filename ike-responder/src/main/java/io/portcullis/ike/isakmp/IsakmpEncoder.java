package io.portcullis.ike.isakmp;

import java.util.List;

/**
 * Encodes messages to exact bytes. Next-payload and length fields are derived here, never
 * taken from the records, so an encoded message is always self-consistent.
 *
 * <p>Encrypted messages are built in three steps: {@link #encodePayloads} gives the plaintext
 * payload chain, the keymat layer pads and encrypts it, and {@link #encode(EncryptedMessage)}
 * puts the header (with the E flag) in front of the ciphertext.
 */
public final class IsakmpEncoder {

    private IsakmpEncoder() {
    }

    /** Encodes an unencrypted message; its header must not have the E flag. */
    public static byte[] encode(IsakmpMessage message) {
        if (message.header().isEncrypted()) {
            throw new IllegalArgumentException(
                    "E flag set: encode the payloads, encrypt them and use encode(EncryptedMessage)");
        }
        WireWriter out = new WireWriter();
        writeHeader(out, message.header(), message.firstPayloadType());
        writeChain(out, message.payloads());
        out.patchU32(24, out.size());
        return out.toByteArray();
    }

    public static byte[] encode(EncryptedMessage message) {
        WireWriter out = new WireWriter();
        writeHeader(out, message.header(), message.firstPayload());
        out.bytes(message.ciphertext());
        out.patchU32(24, out.size());
        return out.toByteArray();
    }

    /**
     * The payload chain alone: the plaintext to encrypt, and the input of Quick Mode and
     * Informational HASH(n), which cover the payloads after the hash payload.
     */
    public static byte[] encodePayloads(List<Payload> payloads) {
        WireWriter out = new WireWriter();
        writeChain(out, payloads);
        return out.toByteArray();
    }

    private static void writeHeader(WireWriter out, IsakmpHeader header, PayloadType first) {
        out.u64(header.initiatorCookie());
        out.u64(header.responderCookie());
        out.u8(first.value());
        out.u8(header.majorVersion() << 4 | header.minorVersion());
        out.u8(header.exchangeType().value());
        out.u8(header.flags());
        out.u32(header.messageId());
        out.u32(0); // patched once the size is known
    }

    private static void writeChain(WireWriter out, List<Payload> payloads) {
        for (int i = 0; i < payloads.size(); i++) {
            Payload payload = payloads.get(i);
            int next = i + 1 < payloads.size() ? payloads.get(i + 1).type().value() : 0;
            int start = GenericHeader.begin(out, next, payload.reserved());
            out.bytes(payload.body().encodeBody());
            GenericHeader.finish(out, start);
        }
    }
}

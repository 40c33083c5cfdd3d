package io.portcullis.ike.isakmp;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes ISAKMP datagrams. Pure and thread-safe: bytes in, immutable records out, a typed
 * {@link IsakmpDecodeException} for anything malformed.
 *
 * <p>Length rules: the header length must equal the datagram length (RFC 2408 §5.1 says a
 * message whose length field and actual length differ is rejected, UNEQUAL-PAYLOAD-LENGTHS).
 * The only bytes allowed after the last payload are the padding of a decrypted body (RFC 2409
 * Appendix B pads the plaintext to the cipher block size, inside the header length); an
 * unencrypted message must end exactly with its last payload. The RFC 3947 non-ESP marker in
 * front of port-4500 datagrams is the UDP adapter's to strip, not part of the message.
 *
 * <p>Decoding path: {@link #decodeHeader} to look at the E flag; then {@link #decode} for a
 * plaintext message, or {@link #decodeEncrypted} and, after decryption,
 * {@link #decodeDecrypted(EncryptedMessage, byte[])}.
 */
public final class IsakmpDecoder {

    /** Far more than any IKEv1 message carries (Main Mode 5 with certificates: about 8). */
    public static final int DEFAULT_MAX_PAYLOADS = 64;

    private final int maxPayloads;

    public IsakmpDecoder() {
        this(DEFAULT_MAX_PAYLOADS);
    }

    public IsakmpDecoder(int maxPayloads) {
        if (maxPayloads < 1) {
            throw new IllegalArgumentException("maxPayloads must be positive");
        }
        this.maxPayloads = maxPayloads;
    }

    /** Checks and decodes only the header: version, and header length against the datagram. */
    public IsakmpHeader decodeHeader(byte[] datagram) throws IsakmpDecodeException {
        return readHeader(WireReader.over(datagram, 0, DecodeFailure.TRUNCATED_HEADER), datagram.length).header();
    }

    /** Decodes an unencrypted message (E flag clear). */
    public IsakmpMessage decode(byte[] datagram) throws IsakmpDecodeException {
        WireReader in = WireReader.over(datagram, 0, DecodeFailure.TRUNCATED_HEADER);
        HeaderFields fields = readHeader(in, datagram.length);
        if (fields.header().isEncrypted()) {
            throw new IsakmpDecodeException(DecodeFailure.UNEXPECTED_ENCRYPTION_FLAG, 19,
                    "E flag set: decrypt with decodeEncrypted / decodeDecrypted");
        }
        List<Payload> payloads = readChain(in, fields.firstPayload());
        if (in.hasRemaining()) {
            throw in.fail(DecodeFailure.TRAILING_BYTES, in.remaining() + " bytes after the last payload");
        }
        return new IsakmpMessage(fields.header(), payloads);
    }

    /** Splits a message with the E flag set into header, first payload type and ciphertext. */
    public EncryptedMessage decodeEncrypted(byte[] datagram) throws IsakmpDecodeException {
        WireReader in = WireReader.over(datagram, 0, DecodeFailure.TRUNCATED_HEADER);
        HeaderFields fields = readHeader(in, datagram.length);
        if (!fields.header().isEncrypted()) {
            throw new IsakmpDecodeException(DecodeFailure.UNEXPECTED_ENCRYPTION_FLAG, 19,
                    "E flag clear: decode as a plaintext message");
        }
        return new EncryptedMessage(fields.header(), fields.firstPayload(), in.rest());
    }

    public DecryptedMessage decodeDecrypted(EncryptedMessage encrypted, byte[] plaintext)
            throws IsakmpDecodeException {
        return decodeDecrypted(encrypted.header(), encrypted.firstPayload(), plaintext);
    }

    /**
     * Decodes a decrypted body: the payload chain starting with {@code firstPayload} (the
     * header's next-payload field), then padding up to the end, which is returned separately.
     */
    public DecryptedMessage decodeDecrypted(IsakmpHeader header, PayloadType firstPayload, byte[] plaintext)
            throws IsakmpDecodeException {
        WireReader in = WireReader.over(plaintext, IsakmpHeader.LENGTH, DecodeFailure.MALFORMED_BODY);
        List<Payload> payloads = readChain(in, firstPayload);
        return new DecryptedMessage(new IsakmpMessage(header, payloads), in.rest());
    }

    private record HeaderFields(IsakmpHeader header, PayloadType firstPayload) {
    }

    private static HeaderFields readHeader(WireReader in, int datagramLength) throws IsakmpDecodeException {
        if (datagramLength < IsakmpHeader.LENGTH) {
            throw new IsakmpDecodeException(DecodeFailure.TRUNCATED_HEADER, 0,
                    datagramLength + " bytes, an ISAKMP header needs 28");
        }
        long initiatorCookie = in.u64();
        long responderCookie = in.u64();
        PayloadType next = PayloadType.valueOf(in.u8());
        int version = in.u8();
        int major = version >>> 4;
        if (major != 1) {
            throw new IsakmpDecodeException(DecodeFailure.UNSUPPORTED_MAJOR_VERSION, 17,
                    "major version " + major);
        }
        ExchangeType exchange = ExchangeType.valueOf(in.u8());
        int flags = in.u8();
        int messageId = in.u32();
        long length = in.u32() & 0xFFFF_FFFFL;
        if (length < IsakmpHeader.LENGTH) {
            throw new IsakmpDecodeException(DecodeFailure.HEADER_LENGTH_TOO_SMALL, 24,
                    "header length " + length);
        }
        if (length != datagramLength) {
            throw new IsakmpDecodeException(DecodeFailure.LENGTH_MISMATCH, 24,
                    "header length " + length + ", datagram " + datagramLength);
        }
        IsakmpHeader header = new IsakmpHeader(initiatorCookie, responderCookie, major, version & 0x0F,
                exchange, flags, messageId);
        return new HeaderFields(header, next);
    }

    private List<Payload> readChain(WireReader in, PayloadType first) throws IsakmpDecodeException {
        List<Payload> payloads = new ArrayList<>();
        PayloadType type = first;
        while (!type.equals(PayloadType.NONE)) {
            if (!PayloadBodyDecoder.mayStandAtTopLevel(type)) {
                throw in.fail(DecodeFailure.MISPLACED_PAYLOAD, type + " outside an SA payload");
            }
            if (payloads.size() == maxPayloads) {
                throw in.fail(DecodeFailure.TOO_MANY_PAYLOADS, "more than " + maxPayloads + " payloads");
            }
            GenericHeader header = GenericHeader.read(in, Math.max(0, PayloadBodyDecoder.minimumBody(type)));
            PayloadBody body = PayloadBodyDecoder.decode(type, header.body());
            if (header.body().hasRemaining()) {
                // every typed decoder consumes its whole body; this guards against a decoder bug
                throw header.body().fail(DecodeFailure.MALFORMED_BODY, "unparsed bytes in " + type);
            }
            payloads.add(new Payload(header.reserved(), body));
            type = PayloadType.valueOf(header.nextType());
        }
        return payloads;
    }
}

package io.portcullis.ike.isakmp;

/**
 * The 4-byte generic payload header (RFC 2408 §3.2) as read from the wire, shared by top-level
 * payloads and by the Proposal/Transform payloads nested in an SA. Reading it checks the length
 * against what remains before the body is touched.
 *
 * @param nextType the type of the following payload in this chain (0 = last)
 * @param reserved the RESERVED byte as received (the top bit is IKEv2's critical bit)
 * @param body a reader over exactly this payload's body
 */
record GenericHeader(int nextType, int reserved, WireReader body) {

    static final int LENGTH = 4;

    /**
     * Reads one generic header and splits off the body.
     *
     * @param minimumBody the fixed part of the body this payload type needs
     */
    static GenericHeader read(WireReader in, int minimumBody) throws IsakmpDecodeException {
        return read(in, minimumBody, DecodeFailure.MALFORMED_BODY);
    }

    /** As {@link #read(WireReader, int)}; {@code bodyUnderflow} is reported when the body runs short. */
    static GenericHeader read(WireReader in, int minimumBody, DecodeFailure bodyUnderflow)
            throws IsakmpDecodeException {
        int offset = in.offset();
        if (in.remaining() < LENGTH) {
            throw new IsakmpDecodeException(DecodeFailure.TRUNCATED_PAYLOAD_HEADER, offset,
                    "generic payload header needs 4 bytes, " + in.remaining() + " remain");
        }
        int next = in.u8();
        int reserved = in.u8();
        int length = in.u16();
        if (length < LENGTH + minimumBody) {
            throw new IsakmpDecodeException(DecodeFailure.PAYLOAD_LENGTH_TOO_SMALL, offset,
                    "payload length " + length + " below minimum " + (LENGTH + minimumBody));
        }
        WireReader body = in.slice(length - LENGTH, DecodeFailure.PAYLOAD_LENGTH_OVERRUN, bodyUnderflow);
        return new GenericHeader(next, reserved, body);
    }

    /** Writes a header whose length is patched by {@link #finish(WireWriter, int)}; returns its position. */
    static int begin(WireWriter out, int nextType, int reserved) {
        int start = out.size();
        out.u8(nextType);
        out.u8(reserved);
        out.u16(0);
        return start;
    }

    static void finish(WireWriter out, int start) {
        out.patchU16(start + 2, out.size() - start);
    }
}

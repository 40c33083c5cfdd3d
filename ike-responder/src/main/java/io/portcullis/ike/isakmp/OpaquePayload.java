package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * A payload of a type this codec does not interpret (private-use types, the draft NAT-T
 * numbers, future types). Its body is kept as received so that it re-encodes byte for byte
 * and the exchange can answer INVALID-PAYLOAD-TYPE or ignore it, as the RFC says.
 */
public record OpaquePayload(PayloadType type, Bytes body) implements PayloadBody {

    public OpaquePayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (PayloadBodyDecoder.isTyped(type) || !PayloadBodyDecoder.mayStandAtTopLevel(type)) {
            throw new IllegalArgumentException(type + " cannot be an opaque top-level payload");
        }
    }

    @Override
    public Bytes encodeBody() {
        return body;
    }
}

package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A Key Exchange payload (RFC 2408 §3.7): the Diffie-Hellman public value, left-padded to the group size by the sender. */
public record KeyExchangePayload(Bytes publicValue) implements PayloadBody {

    public KeyExchangePayload {
        Objects.requireNonNull(publicValue, "publicValue");
    }

    public static KeyExchangePayload of(byte[] publicValue) {
        return new KeyExchangePayload(Bytes.of(publicValue));
    }

    @Override
    public PayloadType type() {
        return PayloadType.KEY_EXCHANGE;
    }

    @Override
    public Bytes encodeBody() {
        return publicValue;
    }
}

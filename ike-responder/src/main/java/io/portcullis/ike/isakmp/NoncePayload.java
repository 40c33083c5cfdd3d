package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A Nonce payload (RFC 2408 §3.13). RFC 2409 wants 8..256 bytes; the exchange checks that, not the codec. */
public record NoncePayload(Bytes nonce) implements PayloadBody {

    public NoncePayload {
        Objects.requireNonNull(nonce, "nonce");
    }

    public static NoncePayload of(byte[] nonce) {
        return new NoncePayload(Bytes.of(nonce));
    }

    @Override
    public PayloadType type() {
        return PayloadType.NONCE;
    }

    @Override
    public Bytes encodeBody() {
        return nonce;
    }
}

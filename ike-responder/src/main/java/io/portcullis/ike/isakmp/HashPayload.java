package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A Hash payload (RFC 2408 §3.11): HASH_I/HASH_R in Main Mode, HASH(1..3) in Quick Mode, HASH(1) in Informational. */
public record HashPayload(Bytes hash) implements PayloadBody {

    public HashPayload {
        Objects.requireNonNull(hash, "hash");
    }

    public static HashPayload of(byte[] hash) {
        return new HashPayload(Bytes.of(hash));
    }

    @Override
    public PayloadType type() {
        return PayloadType.HASH;
    }

    @Override
    public Bytes encodeBody() {
        return hash;
    }
}

package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A Signature payload (RFC 2408 §3.12): SIG_I/SIG_R in RSA signature Main Mode. */
public record SignaturePayload(Bytes signature) implements PayloadBody {

    public SignaturePayload {
        Objects.requireNonNull(signature, "signature");
    }

    public static SignaturePayload of(byte[] signature) {
        return new SignaturePayload(Bytes.of(signature));
    }

    @Override
    public PayloadType type() {
        return PayloadType.SIGNATURE;
    }

    @Override
    public Bytes encodeBody() {
        return signature;
    }
}

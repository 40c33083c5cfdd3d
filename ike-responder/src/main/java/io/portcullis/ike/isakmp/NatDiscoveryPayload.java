package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A NAT-D payload (RFC 3947 §3.2): HASH(CKY-I | CKY-R | IP | Port) of one endpoint. */
public record NatDiscoveryPayload(Bytes hash) implements PayloadBody {

    public NatDiscoveryPayload {
        Objects.requireNonNull(hash, "hash");
    }

    public static NatDiscoveryPayload of(byte[] hash) {
        return new NatDiscoveryPayload(Bytes.of(hash));
    }

    @Override
    public PayloadType type() {
        return PayloadType.NAT_D;
    }

    @Override
    public Bytes encodeBody() {
        return hash;
    }
}

package io.portcullis.ike.isakmp;

import java.util.Objects;

/** A Vendor ID payload (RFC 2408 §3.16); see {@link VendorIds} for the ones Portcullis recognises. */
public record VendorIdPayload(Bytes vendorId) implements PayloadBody {

    public VendorIdPayload {
        Objects.requireNonNull(vendorId, "vendorId");
    }

    public static VendorIdPayload of(byte[] vendorId) {
        return new VendorIdPayload(Bytes.of(vendorId));
    }

    @Override
    public PayloadType type() {
        return PayloadType.VENDOR_ID;
    }

    @Override
    public Bytes encodeBody() {
        return vendorId;
    }
}

package io.portcullis.revocation.api;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An OCSP request body as it streams in, held to two limits: at most one byte more than an OCSP
 * request may have is kept (enough to call it malformed), and the rest is only counted, to refuse
 * a body over the HTTP limit (413) without holding it.
 */
public final class OcspRequestBody {

    private final int maxRequestBytes;
    private final long maxBodyBytes;
    private byte[] kept = new byte[256];
    private int keptLength;
    private long received;

    OcspRequestBody(int maxRequestBytes, long maxBodyBytes) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Takes the chunk's remaining bytes; false once the body is over the HTTP limit. */
    public boolean add(ByteBuffer chunk) {
        int length = chunk.remaining();
        received += length;
        if (received > maxBodyBytes) {
            return false;
        }
        int keep = Math.min(length, maxRequestBytes + 1 - keptLength);
        if (keep > 0) {
            if (keptLength + keep > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + keep));
            }
            chunk.get(kept, keptLength, keep);
            keptLength += keep;
        }
        return true;
    }

    /** The request's DER, or {@code null} when the body is longer than an OCSP request may be. */
    public byte[] request() {
        return keptLength > maxRequestBytes ? null : Arrays.copyOf(kept, keptLength);
    }
}

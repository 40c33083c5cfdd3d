package io.portcullis.ca.signing;

import java.io.OutputStream;
import org.bouncycastle.crypto.Digest;

/** Feeds what is written straight into a digest: the signed data is never buffered. */
final class DigestOutputStream extends OutputStream {

    private final Digest digest;

    DigestOutputStream(Digest digest) {
        this.digest = digest;
    }

    @Override
    public void write(int b) {
        digest.update((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    byte[] finish() {
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}

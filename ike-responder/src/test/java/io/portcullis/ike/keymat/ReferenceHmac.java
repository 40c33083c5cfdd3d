package io.portcullis.ike.keymat;

import java.io.ByteArrayOutputStream;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A second, deliberately plain implementation of the RFC 2409 formulas for cross-checking where
 * no published vectors exist: Bouncy Castle's lightweight HMAC (not the JCA Mac the production
 * code uses) over byte strings concatenated by hand.
 */
final class ReferenceHmac {

    private ReferenceHmac() {
    }

    static byte[] sha1(byte[] key, byte[]... parts) {
        return hmac(new SHA1Digest(), key, parts);
    }

    static byte[] sha256(byte[] key, byte[]... parts) {
        return hmac(new SHA256Digest(), key, parts);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] be32(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    private static byte[] hmac(Digest digest, byte[] key, byte[]... parts) {
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        byte[] data = cat(parts);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}

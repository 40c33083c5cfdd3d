package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;
import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.Arrays;

/**
 * The CBC IV of one encrypted IKEv1 exchange (RFC 2409 Appendix B).
 *
 * <p>Phase 1 starts from hash(g^xi | g^xr); each phase 2 or Informational exchange starts from
 * hash(last phase 1 CBC output block | M-ID). After that, every message uses the last ciphertext
 * block of the previous message. The chain only moves through {@link IkeMessageCrypto}: at once
 * for messages we send, and for received messages only when the caller commits after the
 * message's HASH (or signature) verified, so a forged or corrupt packet cannot desynchronise us.
 */
public final class IvChain {

    private final int blockSize;
    private byte[] iv;

    private IvChain(byte[] iv, int blockSize) {
        this.iv = iv;
        this.blockSize = blockSize;
    }

    /** The phase 1 (Main Mode) chain: IV = hash(g^xi | g^xr) truncated to the block size. */
    public static IvChain phase1(PrfAlgorithm hash, byte[] gxi, byte[] gxr, int blockSize) {
        return new IvChain(truncated(hash.hash(gxi, gxr), blockSize), blockSize);
    }

    /**
     * A Quick Mode or Informational chain: IV = hash(last phase 1 CBC output block | M-ID)
     * truncated to the block size. {@code phase1} must be the completed phase 1 chain, whose
     * current IV is exactly that last output block.
     */
    public static IvChain phase2(PrfAlgorithm hash, IvChain phase1, int messageId) {
        return new IvChain(truncated(hash.hash(phase1.iv, ByteArrays.uint32(messageId)), phase1.blockSize), phase1.blockSize);
    }

    private static byte[] truncated(byte[] digest, int blockSize) {
        if (digest.length < blockSize) {
            throw new IllegalArgumentException("hash output shorter than the cipher block");
        }
        byte[] out = Arrays.copyOf(digest, blockSize);
        ByteArrays.wipe(digest);
        return out;
    }

    public int blockSize() {
        return blockSize;
    }

    /** The IV the next message in this exchange is encrypted or decrypted with. */
    public byte[] current() {
        return iv.clone();
    }

    boolean isAt(byte[] expected) {
        return Arrays.equals(iv, expected);
    }

    /** Moves to the last block of a message's ciphertext. */
    void advancePast(byte[] ciphertext) {
        iv = Arrays.copyOfRange(ciphertext, ciphertext.length - blockSize, ciphertext.length);
    }
}

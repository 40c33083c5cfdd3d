package io.portcullis.ike.crypto;

import java.util.Optional;
import java.util.Set;

/**
 * CBC block ciphers for IKEv1 message encryption (RFC 2409 §5.3 and Appendix B), identified by
 * their IKEv1 Encryption Algorithm attribute values: 3DES-CBC = 5 (RFC 2409 Appendix A),
 * AES-CBC = 7 (RFC 3602 §5.1).
 */
public enum BlockCipherAlgorithm {
    TRIPLE_DES_CBC(5, "DESede", 8, Set.of(24), 24),
    AES_CBC(7, "AES", 16, Set.of(16, 24, 32), 16);

    private final int ikeId;
    private final String jcaName;
    private final int blockSize;
    private final Set<Integer> keyLengths;
    private final int defaultKeyLength;

    BlockCipherAlgorithm(int ikeId, String jcaName, int blockSize, Set<Integer> keyLengths, int defaultKeyLength) {
        this.ikeId = ikeId;
        this.jcaName = jcaName;
        this.blockSize = blockSize;
        this.keyLengths = keyLengths;
        this.defaultKeyLength = defaultKeyLength;
    }

    public static Optional<BlockCipherAlgorithm> byIkeId(int id) {
        for (BlockCipherAlgorithm algorithm : values()) {
            if (algorithm.ikeId == id) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public int ikeId() {
        return ikeId;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Key length in bytes when the proposal carries no Key Length attribute (3DES has a fixed key). */
    public int defaultKeyLength() {
        return defaultKeyLength;
    }

    public boolean supportsKeyLength(int bytes) {
        return keyLengths.contains(bytes);
    }

    String jcaName() {
        return jcaName;
    }

    String transformation() {
        return jcaName + "/CBC/NoPadding";
    }
}

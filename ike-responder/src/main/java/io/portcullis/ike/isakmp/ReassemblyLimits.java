package io.portcullis.ike.isakmp;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for {@link FragmentReassembler}; every one limits what an unauthenticated peer can
 * make the responder hold (fragments arrive before any SA authenticates the sender).
 *
 * @param maxFragments fragments per message; strongSwan needs 2-3 for a 2048-bit RSA Main Mode 5
 * @param maxMessageBytes reassembled bytes per message
 * @param maxPendingMessages incomplete messages held at once; the oldest is evicted beyond it
 * @param maxTotalBytes bytes held across all incomplete messages; oldest evicted beyond it
 * @param timeout how long an incomplete message is kept after its first fragment
 */
public record ReassemblyLimits(int maxFragments, int maxMessageBytes, int maxPendingMessages,
        long maxTotalBytes, Duration timeout) {

    public ReassemblyLimits {
        if (maxFragments < 1 || maxFragments > 255) {
            throw new IllegalArgumentException("maxFragments must be 1..255 (an 8-bit field)");
        }
        if (maxMessageBytes < 1 || maxPendingMessages < 1 || maxTotalBytes < maxMessageBytes) {
            throw new IllegalArgumentException("limits must be positive and maxTotalBytes >= maxMessageBytes");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** 16 fragments, 64 KiB per message, 128 messages and 2 MiB in total, 30 s. */
    public static ReassemblyLimits defaults() {
        return new ReassemblyLimits(16, 64 * 1024, 128, 2L * 1024 * 1024, Duration.ofSeconds(30));
    }
}

package io.portcullis.ike.esp;

/**
 * The receiver's sliding anti-replay window of RFC 4303 §3.4.3 (32-bit sequence numbers, no ESN).
 *
 * <p>The right edge is the highest sequence number that passed integrity verification. A packet is
 * acceptable if it is right of the edge, or inside the window and not yet seen. The decoder asks
 * {@link #mayAccept} before it spends work on the ICV and calls {@link #accept} only after the ICV
 * verified, so forged packets can never move the window. {@code accept} re-checks under the lock: of
 * two threads racing with copies of one packet, exactly one wins.
 *
 * <p>Bits live in a ring of 64-bit words indexed by sequence number modulo the ring size, so moving the
 * edge only clears the bits that enter the window instead of shifting the whole bitmap.
 */
public final class ReplayWindow {
    public static final int DEFAULT_SIZE = 128;
    public static final int MAX_SIZE = 4096;

    private final int size;
    private final long[] ring;
    private final int ringBits;
    private long highest; // 0 = nothing accepted yet; sequence numbers start at 1 (RFC 4303 §3.3.3)

    public ReplayWindow(int size) {
        if (size < 32 || size > MAX_SIZE) {
            throw new IllegalArgumentException("replay window size must be 32.." + MAX_SIZE + ", not " + size);
        }
        this.size = size;
        this.ring = new long[(size + 63) / 64];
        this.ringBits = ring.length * 64;
    }

    public int size() {
        return size;
    }

    /** Highest sequence number accepted so far (0 before the first). */
    public synchronized long highest() {
        return highest;
    }

    /** Whether a packet with this sequence number is worth verifying. Does not change the window. */
    public synchronized boolean mayAccept(long sequence) {
        return acceptable(sequence);
    }

    /**
     * Marks a verified sequence number as received, sliding the window right if it is new.
     *
     * @return false if it became unacceptable meanwhile (a concurrent duplicate): drop as replay
     */
    public synchronized boolean accept(long sequence) {
        if (!acceptable(sequence)) {
            return false;
        }
        if (sequence > highest) {
            long advance = sequence - highest;
            if (advance >= ringBits) {
                java.util.Arrays.fill(ring, 0L);
            } else {
                for (long s = highest + 1; s < sequence; s++) {
                    clear(s);
                }
            }
            highest = sequence;
        }
        set(sequence);
        return true;
    }

    private boolean acceptable(long sequence) {
        if (sequence <= 0 || sequence > 0xFFFF_FFFFL) {
            return false; // 0 is never sent (the first packet carries 1)
        }
        if (sequence > highest) {
            return true;
        }
        if (highest - sequence >= size) {
            return false; // left of the window
        }
        return !isSet(sequence);
    }

    private boolean isSet(long s) {
        int bit = (int) (s % ringBits);
        return (ring[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    private void set(long s) {
        int bit = (int) (s % ringBits);
        ring[bit >>> 6] |= 1L << (bit & 63);
    }

    private void clear(long s) {
        int bit = (int) (s % ringBits);
        ring[bit >>> 6] &= ~(1L << (bit & 63));
    }
}

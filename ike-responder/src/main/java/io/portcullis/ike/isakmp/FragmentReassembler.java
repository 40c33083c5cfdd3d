package io.portcullis.ike.isakmp;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles IKEv1 fragments (payload type 132) into the encoded message they carry. Buffers
 * are keyed by (initiator cookie, fragment ID); fragments may come in any order; the one with
 * the LAST flag gives the count. All state is bounded by {@link ReassemblyLimits} and expires.
 *
 * <p>A completed message is forgotten at once. That is deliberate: when a peer retransmits a
 * whole fragmented message because our answer was lost, it must reassemble again so that the
 * exchange sees the retransmission and resends its answer.
 *
 * <p>Synchronized, so one instance may serve both UDP sockets (500 and 4500).
 */
public final class FragmentReassembler {

    /** {@code origin} is the sender's address (or null): two peers reusing a cookie never mix fragments. */
    private record Key(Object origin, long initiatorCookie, int fragmentId) {
    }

    /** One incomplete message. */
    private static final class Buffer {
        final Instant created;
        final Bytes[] fragments;
        int lastNumber; // 0 while the LAST fragment has not arrived
        int highestNumber;
        int count;
        int bytes;

        Buffer(Instant created, int maxFragments) {
            this.created = created;
            this.fragments = new Bytes[maxFragments + 1];
        }
    }

    private final Clock clock;
    private final ReassemblyLimits limits;
    /** Insertion order is creation order, so the eldest entry is the oldest buffer. */
    private final LinkedHashMap<Key, Buffer> buffers = new LinkedHashMap<>();
    private long totalBytes;

    public FragmentReassembler(Clock clock, ReassemblyLimits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Offers a decoded fragment message (one whose payloads include a fragment payload). */
    public ReassemblyResult offer(IsakmpMessage message) {
        FragmentPayload fragment = message.first(FragmentPayload.class)
                .orElseThrow(() -> new IllegalArgumentException("message carries no fragment payload"));
        return offer(message.header().initiatorCookie(), fragment);
    }

    public ReassemblyResult offer(long initiatorCookie, FragmentPayload fragment) {
        return offer(null, initiatorCookie, fragment);
    }

    /**
     * Offers a fragment from a given sender (e.g. its socket address). Buffers are keyed by
     * sender too, so an attacker who learns a peer's cookie cannot poison that peer's
     * reassembly from another address.
     */
    public synchronized ReassemblyResult offer(Object origin, long initiatorCookie, FragmentPayload fragment) {
        Instant now = clock.instant();
        purgeExpired(now);
        Key key = new Key(origin, initiatorCookie, fragment.fragmentId());
        int number = fragment.number();
        if (number > limits.maxFragments()) {
            discard(key);
            return new ReassemblyResult.Dropped(ReassemblyResult.Reason.TOO_MANY_FRAGMENTS);
        }
        Buffer buffer = buffers.get(key);
        if (buffer == null) {
            makeRoomForOneMore();
            buffer = new Buffer(now, limits.maxFragments());
            buffers.put(key, buffer);
        }
        if (buffer.fragments[number] != null) {
            return new ReassemblyResult.Dropped(ReassemblyResult.Reason.DUPLICATE);
        }
        if (contradictsLast(buffer, fragment)) {
            discard(key);
            return new ReassemblyResult.Dropped(ReassemblyResult.Reason.INCONSISTENT_LAST);
        }
        int size = fragment.data().length();
        if ((long) buffer.bytes + size > limits.maxMessageBytes()) {
            discard(key);
            return new ReassemblyResult.Dropped(ReassemblyResult.Reason.MESSAGE_TOO_LARGE);
        }
        store(buffer, fragment);
        if (buffer.lastNumber != 0 && buffer.count == buffer.lastNumber) {
            discard(key);
            return new ReassemblyResult.Complete(join(buffer));
        }
        evictForTotalBytes(key);
        return new ReassemblyResult.Pending();
    }

    /** Drops every incomplete message older than the timeout; also done on each offer. */
    public synchronized void purgeExpired() {
        purgeExpired(clock.instant());
    }

    public synchronized int pendingMessages() {
        return buffers.size();
    }

    public synchronized long pendingBytes() {
        return totalBytes;
    }

    private static boolean contradictsLast(Buffer buffer, FragmentPayload fragment) {
        int number = fragment.number();
        if (buffer.lastNumber != 0 && (number > buffer.lastNumber || fragment.isLast())) {
            return true; // beyond the known end, or a second, different LAST
        }
        return fragment.isLast() && number < buffer.highestNumber;
    }

    private void store(Buffer buffer, FragmentPayload fragment) {
        int number = fragment.number();
        buffer.fragments[number] = fragment.data();
        buffer.count++;
        buffer.bytes += fragment.data().length();
        buffer.highestNumber = Math.max(buffer.highestNumber, number);
        if (fragment.isLast()) {
            buffer.lastNumber = number;
        }
        totalBytes += fragment.data().length();
    }

    private static Bytes join(Buffer buffer) {
        byte[] message = new byte[buffer.bytes];
        int offset = 0;
        for (int number = 1; number <= buffer.lastNumber; number++) {
            buffer.fragments[number].copyTo(message, offset);
            offset += buffer.fragments[number].length();
        }
        return Bytes.of(message);
    }

    private void purgeExpired(Instant now) {
        Iterator<Map.Entry<Key, Buffer>> eldestFirst = buffers.entrySet().iterator();
        while (eldestFirst.hasNext()) {
            Buffer buffer = eldestFirst.next().getValue();
            if (buffer.created.plus(limits.timeout()).isAfter(now)) {
                return; // later entries were created later still
            }
            totalBytes -= buffer.bytes;
            eldestFirst.remove();
        }
    }

    private void makeRoomForOneMore() {
        while (buffers.size() >= limits.maxPendingMessages()) {
            discard(buffers.keySet().iterator().next());
        }
    }

    /** Evicts the oldest other messages while the total is over budget; never {@code keep}. */
    private void evictForTotalBytes(Key keep) {
        Iterator<Key> eldestFirst = buffers.keySet().iterator();
        while (totalBytes > limits.maxTotalBytes() && eldestFirst.hasNext()) {
            Key key = eldestFirst.next();
            if (!key.equals(keep)) {
                totalBytes -= buffers.get(key).bytes;
                eldestFirst.remove();
            }
        }
    }

    private void discard(Key key) {
        Buffer removed = buffers.remove(key);
        if (removed != null) {
            totalBytes -= removed.bytes;
        }
    }
}

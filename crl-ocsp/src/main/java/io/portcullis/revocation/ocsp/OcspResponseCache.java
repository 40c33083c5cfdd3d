package io.portcullis.revocation.ocsp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pre-signed responses, per serial and per exact request CertID (clients compare the CertID they
 * sent, hash algorithm parameters included, with the one in the response).
 *
 * <p>No window for a stale "good": {@link #invalidate} bumps an epoch before it removes the
 * serial, and {@link #put} re-checks the epoch it observed <em>before reading the database</em>
 * after inserting. A response built from a status read before a revocation committed is thus
 * either removed by the invalidation or removes itself; it can never stay cached.
 *
 * <p>Bounded: past {@code maxEntries} serials, arbitrary entries are evicted (a cheap bound
 * against a flood of requests; the common entries come straight back).
 */
public final class OcspResponseCache {

    /** A cached response and what it says, so a re-check can tell whether it still holds. */
    public record Entry(byte[] der, CertState state, Instant thisUpdate, Instant nextUpdate, Instant checkedAt, String etag) {

        Entry checkedAgain(Instant now) {
            return new Entry(der, state, thisUpdate, nextUpdate, now, etag);
        }
    }

    private final int maxEntries;
    private final AtomicLong epoch = new AtomicLong();
    private final ConcurrentHashMap<BigInteger, Map<ByteBuffer, Entry>> bySerial = new ConcurrentHashMap<>();

    public OcspResponseCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Read before looking the status up; pass to {@link #put}. */
    public long epoch() {
        return epoch.get();
    }

    public Entry get(BigInteger serial, byte[] certIdDer) {
        Map<ByteBuffer, Entry> entries = bySerial.get(serial);
        return entries == null ? null : entries.get(ByteBuffer.wrap(certIdDer));
    }

    /** Caches unless an invalidation happened since {@code observedEpoch}; returns whether it stayed. */
    public boolean put(BigInteger serial, byte[] certIdDer, Entry entry, long observedEpoch) {
        if (bySerial.size() >= maxEntries && !bySerial.containsKey(serial)) {
            evictSome();
        }
        ByteBuffer key = ByteBuffer.wrap(certIdDer.clone());
        bySerial.computeIfAbsent(serial, s -> new ConcurrentHashMap<>(4)).put(key, entry);
        if (epoch.get() != observedEpoch) {
            Map<ByteBuffer, Entry> entries = bySerial.get(serial);
            if (entries != null) {
                entries.remove(key, entry);
            }
            return false;
        }
        return true;
    }

    /** Replaces an entry only if it is still the one the caller re-checked. */
    public void replace(BigInteger serial, byte[] certIdDer, Entry old, Entry fresh, long observedEpoch) {
        Map<ByteBuffer, Entry> entries = bySerial.get(serial);
        if (entries != null) {
            ByteBuffer key = ByteBuffer.wrap(certIdDer);
            if (entries.replace(key, old, fresh) && epoch.get() != observedEpoch) {
                entries.remove(key, fresh);
            }
        }
    }

    public void invalidate(BigInteger serial) {
        epoch.incrementAndGet();
        bySerial.remove(serial);
    }

    public void clear() {
        epoch.incrementAndGet();
        bySerial.clear();
    }

    public int size() {
        return bySerial.size();
    }

    private void evictSome() {
        int toEvict = Math.max(1, maxEntries / 100);
        Iterator<BigInteger> serials = bySerial.keySet().iterator();
        while (toEvict-- > 0 && serials.hasNext()) {
            serials.next();
            serials.remove();
        }
    }
}

package io.portcullis.ike.revocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache whose entries carry their own expiry (an OCSP answer's or a CRL's nextUpdate).
 * Least recently used entries go first when full, so a stream of distinct certificates cannot
 * grow it; expired entries are never returned. Thread-safe.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int capacity;
    private final Map<K, Entry<V>> entries;

    ExpiringCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > ExpiringCache.this.capacity;
            }
        };
    }

    synchronized Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expires().isAfter(now)) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    synchronized void put(K key, V value, Instant expires) {
        entries.put(key, new Entry<>(value, expires));
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    synchronized void removeIf(java.util.function.Predicate<K> which) {
        entries.keySet().removeIf(which);
    }

    synchronized int size() {
        return entries.size();
    }
}

package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses we sent, keyed by the request that caused them (sender and exact bytes). A
 * retransmitted request gets the stored bytes again — never a new encryption, which would move
 * the IV chain a second time and desynchronise the peer (RFC 2408 §5.1 / RFC 2409 Appendix B).
 * Bounded; least recently used entries go first.
 */
final class RetransmissionCache {

    private record Key(InetSocketAddress source, byte[] digest) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.source.equals(source) && Arrays.equals(k.digest, digest);
        }

        @Override
        public int hashCode() {
            return source.hashCode() * 31 + Arrays.hashCode(digest);
        }
    }

    private record Entry(IkeSaId owner, List<byte[]> responses) {
    }

    private final Map<Key, Entry> entries;

    RetransmissionCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    Optional<List<byte[]>> lookup(InetSocketAddress source, byte[] request) {
        Entry entry = entries.get(new Key(source, digest(request)));
        return entry == null ? Optional.empty() : Optional.of(entry.responses());
    }

    void store(InetSocketAddress source, byte[] request, IkeSaId owner, List<byte[]> responses) {
        entries.put(new Key(source, digest(request)), new Entry(owner, List.copyOf(responses)));
    }

    void forget(IkeSaId owner) {
        entries.values().removeIf(e -> e.owner().equals(owner));
    }

    int size() {
        return entries.size();
    }

    private static byte[] digest(byte[] request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(request);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java SE platform provides SHA-256", e);
        }
    }
}

package io.portcullis.ike.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of our addresses a peer talks to. A socket bound to the wildcard address does not tell
 * (Java has no IP_PKTINFO), yet NAT-D hashes (RFC 3947 §3.2) and the admin view need the real
 * one; the kernel's route lookup for a connected UDP socket answers it. Answers are cached per
 * peer address in a bounded LRU, so a flood of spoofed sources costs one lookup each, no memory.
 */
final class LocalAddresses {

    private static final int CACHE_ENTRIES = 1024;

    private final InetAddress bound;
    private final Map<InetAddress, InetAddress> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, InetAddress> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    LocalAddresses(InetAddress bound) {
        this.bound = bound;
    }

    InetSocketAddress localFor(InetSocketAddress peer, int port) {
        if (!bound.isAnyLocalAddress()) {
            return new InetSocketAddress(bound, port);
        }
        InetAddress local;
        synchronized (cache) {
            local = cache.get(peer.getAddress());
        }
        if (local == null) {
            local = lookUp(peer);
            synchronized (cache) {
                cache.put(peer.getAddress(), local);
            }
        }
        return new InetSocketAddress(local, port);
    }

    /** The source address the kernel would pick; the wildcard itself when there is no route. */
    private InetAddress lookUp(InetSocketAddress peer) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(new InetSocketAddress(peer.getAddress(), peer.getPort() == 0 ? 9 : peer.getPort()));
            return ((InetSocketAddress) probe.getLocalAddress()).getAddress();
        } catch (IOException | RuntimeException noRoute) {
            return bound;
        }
    }
}

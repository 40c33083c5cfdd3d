package io.portcullis.ike.exchange.auth;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Pre-shared keys by peer address. Main Mode with pre-shared keys must pick the key before the
 * (encrypted) ID arrives, because SKEYID depends on it (RFC 2409 §5.4), so the only selector
 * available is the source address.
 */
@FunctionalInterface
public interface PreSharedKeys {

    Optional<PskPeer> forAddress(InetAddress peer);

    static PreSharedKeys none() {
        return peer -> Optional.empty();
    }
}

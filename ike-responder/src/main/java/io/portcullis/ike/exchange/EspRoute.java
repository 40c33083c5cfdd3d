package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where the ESP of a new IPsec SA pair goes: the peer's address and whether ESP travels inside UDP
 * (RFC 3948, after NAT-T) or as bare IP protocol 50.
 */
public record EspRoute(InetSocketAddress peer, boolean udpEncapsulated) {

    public EspRoute {
        Objects.requireNonNull(peer, "peer");
    }
}

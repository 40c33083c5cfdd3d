package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.esp.IpPrefix;
import java.util.List;

/** A pre-shared key entry: the secret and the subnets the peer may tunnel. */
public record PskPeer(byte[] key, List<IpPrefix> subnets) {

    public PskPeer {
        if (key.length == 0) {
            throw new IllegalArgumentException("empty pre-shared key");
        }
        key = key.clone();
        subnets = List.copyOf(subnets);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "PskPeer[" + subnets + "]";
    }
}

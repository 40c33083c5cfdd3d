package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where an IKE SA's peer was when Phase 1 ended: its address, ours (500, or 4500 after the NAT-T float),
 * and whether NAT discovery found a NAT in front of the peer.
 */
record PeerPath(InetSocketAddress peer, InetSocketAddress local, boolean peerBehindNat) {

    PeerPath {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(local, "local");
    }
}

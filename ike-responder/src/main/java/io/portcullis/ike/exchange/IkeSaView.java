package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/** A read-only row for the admin listing of established IKE SAs and their IPsec SAs. */
public record IkeSaView(IkeSaId id, String peerIdentity, InetSocketAddress peerAddress, String algorithms,
        Instant established, Instant expires, boolean peerBehindNat, List<ChildSa> children) {

    public IkeSaView {
        children = List.copyOf(children);
    }

    static IkeSaView of(IkeSa sa) {
        return new IkeSaView(sa.id(), sa.peer().displayName(), sa.peerAddress(), sa.selection().toString(),
                sa.established(), sa.expires(), sa.peerBehindNat(), sa.children());
    }
}

package io.portcullis.server.ike;

import io.portcullis.ike.runtime.IkeGateway;
import io.portcullis.ui.tunnel.TunnelDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The admin UI's view of the gateway's IKE SAs: the same rows as {@code GET /api/v1/ike/sas}. */
@ApplicationScoped
public class IkeTunnelDirectory implements TunnelDirectory {

    private final IkeGateway gateway;
    private final Clock clock;

    public IkeTunnelDirectory(IkeGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public boolean running() {
        return gateway.running();
    }

    @Override
    public List<Tunnel> list() {
        Instant now = clock.instant();
        return gateway.ikeSas().stream().map(sa -> IkeSaListing.row(sa, now, gateway::inboundTraffic)).map(IkeTunnelDirectory::tunnel).toList();
    }

    @Override
    public boolean delete(String id) {
        return IkeSaListing.parseId(id).map(gateway::deleteSa).orElse(false);
    }

    private static Tunnel tunnel(IkeSaListing.IkeSaRow row) {
        return new Tunnel(row.id(), row.peerId(), row.peerAddress(), row.algorithms(), row.established(), row.expires(), row.ageSeconds(),
                row.lifetimeSeconds(), row.peerBehindNat(), row.ipsecSas().stream().map(c -> new IpsecSa(c.inboundSpi(), c.outboundSpi(),
                        c.algorithms(), c.localSelector(), c.remoteSelector(), c.udpEncapsulated(), c.ageSeconds(), c.lifetimeSeconds(),
                        c.inboundPackets(), c.inboundBytes())).toList());
    }
}

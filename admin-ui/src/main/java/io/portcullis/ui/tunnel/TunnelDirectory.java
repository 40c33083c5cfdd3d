package io.portcullis.ui.tunnel;

import java.util.List;

/**
 * The live IKE SAs of the gateway, as the tunnels page needs them. The admin UI declares this
 * narrow port and the application that runs the IKE responder implements it, so this module
 * does not depend on the responder (or on the server that wires it).
 */
public interface TunnelDirectory {

    /** Whether an IKE responder is running in this process at all. */
    boolean running();

    List<Tunnel> list();

    /** Tears the IKE SA down with DELETE notifies; false when no such SA is established. */
    boolean delete(String id);

    /** An IKE SA; {@code id} is 32 hex digits (initiator cookie, responder cookie). */
    record Tunnel(String id, String peerId, String peerAddress, String algorithms, java.time.Instant established,
            java.time.Instant expires, long ageSeconds, long lifetimeSeconds, boolean peerBehindNat, List<IpsecSa> ipsecSas) {
    }

    /** An IPsec SA pair under a tunnel; packets and bytes are what arrived inbound. */
    record IpsecSa(String inboundSpi, String outboundSpi, String algorithms, String localSelector, String remoteSelector,
            boolean udpEncapsulated, long ageSeconds, long lifetimeSeconds, long inboundPackets, long inboundBytes) {
    }
}

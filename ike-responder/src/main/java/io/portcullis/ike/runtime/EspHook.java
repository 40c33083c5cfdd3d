package io.portcullis.ike.runtime;

import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.IkeEvent;
import java.net.InetSocketAddress;

/**
 * Where ESP-in-UDP packets from port 4500 (RFC 3948 §2.1) and the IPsec SA lifecycle go. The
 * TUN data plane will implement it; until then {@link CountingEspHook} counts and drops.
 */
public interface EspHook {

    /**
     * An ESP packet (SPI first) at {@code packet[off..off+len)}, in the socket reader's buffer: valid only
     * during the call (the next datagram overwrites it), so a hook that keeps bytes copies them.
     */
    void received(byte[] packet, int off, int len, InetSocketAddress source);

    void installed(ChildSaEstablished sa);

    void removed(IkeEvent.ChildSaDeleted sa);

    /** The pair now belongs to a newer IKE SA of its peer (re-authentication); it keeps carrying traffic. */
    void adopted(IkeEvent.ChildSaAdopted sa);

    /** Packets and bytes received on the SA we chose this inbound SPI for. */
    Traffic inbound(int inboundSpi);

    record Traffic(long packets, long bytes) {
        public static final Traffic NONE = new Traffic(0, 0);
    }
}

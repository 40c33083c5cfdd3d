package io.portcullis.ike.dataplane;

import java.net.InetSocketAddress;

/** Sends one ESP packet as a UDP-encapsulated datagram (RFC 3948) from the NAT-T port. */
@FunctionalInterface
public interface EspSender {
    void send(byte[] packet, int off, int len, InetSocketAddress to);
}

package io.portcullis.ike.esp;

import java.util.Objects;

/**
 * One side of an SA's traffic selector as IKEv1 Quick Mode IDs carry it (RFC 2407 §4.6.2: address
 * block, IP protocol, port): an address prefix, a protocol (0 = any) and a port range.
 */
public record TrafficSelector(IpPrefix prefix, int protocol, int portFrom, int portTo) {
    public static final int ANY_PROTOCOL = 0;

    public TrafficSelector {
        Objects.requireNonNull(prefix, "prefix");
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol out of range: " + protocol);
        }
        if (portFrom < 0 || portTo > 65535 || portFrom > portTo) {
            throw new IllegalArgumentException("bad port range " + portFrom + "-" + portTo);
        }
        if (protocol == ANY_PROTOCOL && !(portFrom == 0 && portTo == 65535)) {
            throw new IllegalArgumentException("a port range needs a protocol");
        }
    }

    /** All traffic to/from the prefix. */
    public static TrafficSelector of(String cidr) {
        return new TrafficSelector(IpPrefix.parse(cidr), ANY_PROTOCOL, 0, 65535);
    }

    public static TrafficSelector of(String cidr, int protocol, int port) {
        return port == 0
                ? new TrafficSelector(IpPrefix.parse(cidr), protocol, 0, 65535)
                : new TrafficSelector(IpPrefix.parse(cidr), protocol, port, port);
    }

    public boolean anyPort() {
        return portFrom == 0 && portTo == 65535;
    }

    /** Whether the packet's source ({@code source == true}) or destination side falls inside this selector. */
    public boolean matches(InnerPacket packet, boolean source) {
        int addrOff = source ? packet.sourceOffset() : packet.destinationOffset();
        if (!prefix.contains(packet.buffer(), addrOff, packet.addressBytes())) {
            return false;
        }
        if (protocol != ANY_PROTOCOL && protocol != packet.protocol()) {
            return false;
        }
        if (anyPort()) {
            return true;
        }
        // A later fragment carries no ports; RFC 4301 §7 lets us refuse it when ports are selected.
        int port = source ? packet.sourcePort() : packet.destinationPort();
        return port >= portFrom && port <= portTo;
    }

    @Override
    public String toString() {
        return prefix + (protocol == ANY_PROTOCOL ? "" : "[" + protocol + (anyPort() ? "" : "/" + portFrom + "-" + portTo) + "]");
    }
}

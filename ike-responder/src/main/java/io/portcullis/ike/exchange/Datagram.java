package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One ISAKMP message as the UDP adapter sees it (non-ESP marker already stripped on port 4500).
 * For received datagrams {@code source} is the peer; for datagrams to send, {@code destination} is.
 */
public record Datagram(byte[] data, InetSocketAddress source, InetSocketAddress destination) {

    public Datagram {
        data = data.clone();
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** A reply to this datagram: from its destination back to its source. */
    public Datagram reply(byte[] bytes) {
        return new Datagram(bytes, destination, source);
    }

    @Override
    public String toString() {
        return "Datagram[" + data.length + " bytes " + source + " -> " + destination + "]";
    }
}

package io.portcullis.ike.exchange;

import java.util.List;

/**
 * What the facade hands the UDP adapter and the gateway after one input: datagrams to send,
 * events, and peer checks to run off the receive path ({@link PendingAuthentication}; only when
 * the engine defers authentication).
 */
public record IkeOutput(List<Datagram> datagrams, List<IkeEvent> events, List<PendingAuthentication> pending) {

    public static final IkeOutput NOTHING = new IkeOutput(List.of(), List.of());

    public IkeOutput {
        datagrams = List.copyOf(datagrams);
        events = List.copyOf(events);
        pending = List.copyOf(pending);
    }

    public IkeOutput(List<Datagram> datagrams, List<IkeEvent> events) {
        this(datagrams, events, List.of());
    }
}

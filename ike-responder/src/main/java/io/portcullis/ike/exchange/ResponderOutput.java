package io.portcullis.ike.exchange;

import java.util.List;

/**
 * What the facade hands the UDP adapter and the gateway after one input: datagrams to send,
 * events, and peer checks to run off the receive path ({@link PendingAuthentication}; only when
 * the responder defers authentication).
 */
public record ResponderOutput(List<Datagram> datagrams, List<IkeEvent> events, List<PendingAuthentication> pending) {

    public static final ResponderOutput NOTHING = new ResponderOutput(List.of(), List.of());

    public ResponderOutput {
        datagrams = List.copyOf(datagrams);
        events = List.copyOf(events);
        pending = List.copyOf(pending);
    }

    public ResponderOutput(List<Datagram> datagrams, List<IkeEvent> events) {
        this(datagrams, events, List.of());
    }
}

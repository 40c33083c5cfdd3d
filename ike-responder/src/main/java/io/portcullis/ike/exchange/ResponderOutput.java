package io.portcullis.ike.exchange;

import java.util.List;

/** What the facade hands the UDP adapter and the gateway after one input. */
public record ResponderOutput(List<Datagram> datagrams, List<IkeEvent> events) {

    public static final ResponderOutput NOTHING = new ResponderOutput(List.of(), List.of());

    public ResponderOutput {
        datagrams = List.copyOf(datagrams);
        events = List.copyOf(events);
    }
}

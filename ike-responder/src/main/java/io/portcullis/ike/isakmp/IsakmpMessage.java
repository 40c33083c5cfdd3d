package io.portcullis.ike.isakmp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded (or to-be-encoded) ISAKMP message: header plus the top-level payloads in wire
 * order. Typed views: {@link #first(Class)} and {@link #all(Class)}.
 */
public record IsakmpMessage(IsakmpHeader header, List<Payload> payloads) {

    public IsakmpMessage {
        Objects.requireNonNull(header, "header");
        payloads = List.copyOf(Objects.requireNonNull(payloads, "payloads"));
    }

    /** A message whose payloads all have a zero RESERVED byte. */
    public static IsakmpMessage of(IsakmpHeader header, PayloadBody... bodies) {
        return new IsakmpMessage(header, Arrays.stream(bodies).map(Payload::of).toList());
    }

    /** The type of the first payload, as the header's next-payload field carries it. */
    public PayloadType firstPayloadType() {
        return payloads.isEmpty() ? PayloadType.NONE : payloads.get(0).type();
    }

    public <T extends PayloadBody> Optional<T> first(Class<T> view) {
        return payloads.stream().map(Payload::body).filter(view::isInstance).map(view::cast).findFirst();
    }

    public <T extends PayloadBody> List<T> all(Class<T> view) {
        return payloads.stream().map(Payload::body).filter(view::isInstance).map(view::cast).toList();
    }

    /** All payloads of the given type number, typed or opaque. */
    public List<Payload> ofType(PayloadType type) {
        return payloads.stream().filter(p -> p.type().equals(type)).toList();
    }
}

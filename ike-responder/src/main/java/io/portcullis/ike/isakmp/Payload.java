package io.portcullis.ike.isakmp;

import java.util.Objects;
import java.util.Optional;

/**
 * One top-level payload of a message: the generic header's RESERVED byte plus the typed body.
 * The next-payload and length fields are not stored: the encoder derives them from the
 * message's payload list, so they can never disagree with it.
 *
 * @param reserved the RESERVED byte as received; RFC 2408 wants 0, IKEv2 peers may set the
 *     critical bit (0x80), and keeping the byte makes re-encoding exact
 */
public record Payload(int reserved, PayloadBody body) {

    public static final int CRITICAL_BIT = 0x80;

    public Payload {
        ValueNames.checkRange(reserved, 0xFF, "reserved byte");
        Objects.requireNonNull(body, "body");
    }

    /** A payload with a zero RESERVED byte, as Portcullis sends them. */
    public static Payload of(PayloadBody body) {
        return new Payload(0, body);
    }

    public PayloadType type() {
        return body.type();
    }

    /** The IKEv2 "critical" bit; meaningless in IKEv1 but recorded for diagnostics. */
    public boolean critical() {
        return (reserved & CRITICAL_BIT) != 0;
    }

    /** The body as the given typed view, if it is one. */
    public <T extends PayloadBody> Optional<T> as(Class<T> view) {
        return view.isInstance(body) ? Optional.of(view.cast(body)) : Optional.empty();
    }
}

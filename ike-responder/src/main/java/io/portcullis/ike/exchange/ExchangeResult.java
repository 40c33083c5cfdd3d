package io.portcullis.ike.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one exchange step produced: datagram payloads to send back to the peer (several when
 * fragmented), events for the gateway, and how the exchange stands.
 */
public record ExchangeResult(Status status, List<byte[]> replies, List<IkeEvent> events, Optional<Drop> drop,
        String detail, Optional<PendingAuthentication> pending) {

    public enum Status {
        /** Waiting for the next message. */
        CONTINUE,
        /** The exchange completed successfully. */
        COMPLETE,
        /** The exchange failed; the replies (if any) carry the notify. Its state is to be removed. */
        FAILED,
        /** The message was dropped; the exchange state is unchanged. */
        DROPPED,
        /** Message 5 waits for its peer check ({@link #pending()}); nothing is sent yet. */
        PENDING
    }

    public ExchangeResult {
        Objects.requireNonNull(status, "status");
        replies = List.copyOf(replies);
        events = List.copyOf(events);
        Objects.requireNonNull(drop, "drop");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(pending, "pending");
    }

    public ExchangeResult(Status status, List<byte[]> replies, List<IkeEvent> events, Optional<Drop> drop, String detail) {
        this(status, replies, events, drop, detail, Optional.empty());
    }

    public static ExchangeResult pending(PendingAuthentication authentication) {
        return new ExchangeResult(Status.PENDING, List.of(), List.of(), Optional.empty(),
                "message 5 waits for the peer check", Optional.of(authentication));
    }

    public static ExchangeResult dropped(Drop reason, String detail) {
        return new ExchangeResult(Status.DROPPED, List.of(), List.of(), Optional.of(reason), detail);
    }

    public static ExchangeResult progress(List<byte[]> replies, String detail) {
        return new ExchangeResult(Status.CONTINUE, replies, List.of(), Optional.empty(), detail);
    }

    public static ExchangeResult complete(List<byte[]> replies, List<IkeEvent> events, String detail) {
        return new ExchangeResult(Status.COMPLETE, replies, events, Optional.empty(), detail);
    }

    public static ExchangeResult failed(List<byte[]> replies, List<IkeEvent> events, String detail) {
        return new ExchangeResult(Status.FAILED, replies, events, Optional.empty(), detail);
    }
}

package io.portcullis.ike.exchange;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link IkeEngine#initiate} is asked to start: a Main Mode with {@code peer} from {@code local} under the
 * engine's policy and credentials and, once it is established, a Quick Mode for {@code child} (none: the IKE SA
 * alone, e.g. an {@code at-start} connection whose traffic comes later).
 */
public record Initiation(InetSocketAddress peer, InetSocketAddress local, Optional<ChildRequest> child) {

    public Initiation {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(child, "child");
    }
}

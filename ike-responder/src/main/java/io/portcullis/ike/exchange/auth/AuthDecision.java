package io.portcullis.ike.exchange.auth;

import java.util.Objects;

/** What a {@link PeerAuthenticator} decided. */
public sealed interface AuthDecision {

    record Accepted(AuthenticatedPeer peer) implements AuthDecision {
        public Accepted {
            Objects.requireNonNull(peer, "peer");
        }
    }

    record Refused(RefusalReason reason, String detail) implements AuthDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static AuthDecision refused(RefusalReason reason, String detail) {
        return new Refused(reason, detail);
    }
}

package io.portcullis.revocation.crl;

import java.time.Instant;
import java.util.Optional;

/**
 * When to issue: a full CRL when there is none, at half-life, or once a revocation has committed
 * that no full CRL has read; a delta CRL with every full one and at its own half-life.
 */
public final class CrlDuePolicy {

    public record Decision(boolean full, boolean delta) {

        public boolean any() {
            return full || delta;
        }
    }

    private CrlDuePolicy() {
    }

    public static Decision decide(Optional<CrlMeta> full, Optional<CrlMeta> delta, boolean unpublishedChanges, Instant now) {
        boolean fullDue = full.isEmpty() || unpublishedChanges || full.get().pastHalfLife(now);
        boolean deltaDue = fullDue || delta.isEmpty() || delta.get().pastHalfLife(now)
                || delta.get().number() < full.get().number();
        return new Decision(fullDue, deltaDue);
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.ReassemblyLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on everything an unauthenticated sender can make the gateway hold.
 *
 * @param maxHalfOpen Main Modes in progress, overall
 * @param maxHalfOpenPerSource Main Modes in progress from one IP address
 * @param halfOpenTimeout how long a Main Mode may take before its state is dropped
 * @param maxEstablished established IKE SAs
 * @param retransmissionEntries cached responses (one per answered request)
 * @param reassembly fragment reassembly bounds
 */
public record IkeLimits(int maxHalfOpen, int maxHalfOpenPerSource, Duration halfOpenTimeout, int maxEstablished,
        int retransmissionEntries, ReassemblyLimits reassembly) {

    public IkeLimits {
        if (maxHalfOpen < 1 || maxHalfOpenPerSource < 1 || maxEstablished < 1 || retransmissionEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(halfOpenTimeout, "halfOpenTimeout");
        Objects.requireNonNull(reassembly, "reassembly");
    }

    /** 1024 half-open (16 per address), 30 s to finish Main Mode, 10000 IKE SAs, 4096 cached answers. */
    public static IkeLimits defaults() {
        return new IkeLimits(1024, 16, Duration.ofSeconds(30), 10_000, 4096, ReassemblyLimits.defaults());
    }

    public IkeLimits withHalfOpen(int overall, int perSource) {
        return new IkeLimits(overall, perSource, halfOpenTimeout, maxEstablished, retransmissionEntries, reassembly);
    }
}

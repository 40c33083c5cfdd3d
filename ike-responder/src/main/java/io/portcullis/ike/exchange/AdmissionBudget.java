package io.portcullis.ike.exchange;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine-wide bounds on half-open Main Modes (overall and per source address) and on
 * established IKE SAs, shared by every {@link IkeShard}: the limits an operator configures
 * hold for the gateway as a whole, however many shards process in parallel. A half-open slot is
 * reserved before any work is done for a new Main Mode, so parallel shards cannot overshoot.
 */
final class AdmissionBudget {

    private final IkeLimits limits;
    private final Map<InetAddress, Integer> halfOpenPerAddress = new HashMap<>();
    private int halfOpen;
    private int established;

    AdmissionBudget(IkeLimits limits) {
        this.limits = limits;
    }

    /** Reserves a half-open slot for a Main Mode from {@code source}; false when a bound is reached. */
    synchronized boolean reserveHalfOpen(InetAddress source) {
        if (halfOpen >= limits.maxHalfOpen() || established >= limits.maxEstablished()
                || halfOpenPerAddress.getOrDefault(source, 0) >= limits.maxHalfOpenPerSource()) {
            return false;
        }
        halfOpen++;
        halfOpenPerAddress.merge(source, 1, Integer::sum);
        return true;
    }

    synchronized void releaseHalfOpen(InetAddress source) {
        Integer held = halfOpenPerAddress.get(source);
        if (held == null) {
            return; // nothing was reserved for it
        }
        if (held <= 1) {
            halfOpenPerAddress.remove(source);
        } else {
            halfOpenPerAddress.put(source, held - 1);
        }
        halfOpen--;
    }

    synchronized void established(int delta) {
        established = Math.max(0, established + delta);
    }

    synchronized int halfOpen() {
        return halfOpen;
    }
}

package io.portcullis.ike.exchange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Half-open Main Modes and established IKE SAs of one shard, with the half-open limits (overall
 * and per source address, so one flooding host cannot lock out the others) kept engine-wide
 * in the shared {@link AdmissionBudget}.
 */
final class IkeSaTable {

    private record InitiatorKey(long initiatorCookie, InetSocketAddress source) {
    }

    private final IkeLimits limits;
    private final AdmissionBudget budget;
    /** Insertion order is start order, so expiry can stop at the first young entry. */
    private final Map<IkeSaId, MainMode> halfOpen = new LinkedHashMap<>();
    private final Map<InitiatorKey, IkeSaId> halfOpenByInitiator = new HashMap<>();
    private final Map<IkeSaId, IkeSa> established = new LinkedHashMap<>();
    /**
     * Main Modes we started, by our initiator cookie (the responder's is unknown until message 2). Not in the
     * half-open budget, which guards against floods from peers; bounded by {@link IkeLimits#maxHalfOpen} on its own.
     */
    private final Map<Long, InitiatedMainMode> initiated = new LinkedHashMap<>();

    IkeSaTable(IkeLimits limits, AdmissionBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    Optional<MainMode> halfOpen(IkeSaId id) {
        return Optional.ofNullable(halfOpen.get(id));
    }

    boolean hasHalfOpenFrom(long initiatorCookie, InetSocketAddress source) {
        return halfOpenByInitiator.containsKey(new InitiatorKey(initiatorCookie, source));
    }

    /**
     * Reserves a half-open slot for a new Main Mode from this source (false when a limit is
     * reached); it becomes the exchange's with {@link #addHalfOpen}, or goes back with
     * {@link #releaseReservation}.
     */
    boolean reserve(InetSocketAddress source) {
        return budget.reserveHalfOpen(source.getAddress());
    }

    void releaseReservation(InetSocketAddress source) {
        budget.releaseHalfOpen(source.getAddress());
    }

    /** Holds an exchange whose slot {@link #reserve} gave. */
    void addHalfOpen(MainMode exchange, InetSocketAddress source) {
        halfOpen.put(exchange.id(), exchange);
        halfOpenByInitiator.put(new InitiatorKey(exchange.id().initiatorCookie(), source), exchange.id());
    }

    void removeHalfOpen(IkeSaId id) {
        MainMode removed = halfOpen.remove(id);
        if (removed == null) {
            return;
        }
        halfOpenByInitiator.values().removeIf(id::equals);
        budget.releaseHalfOpen(firstAddress(removed));
    }

    private static InetAddress firstAddress(MainMode exchange) {
        return exchange.firstSource().getAddress();
    }

    /** Drops half-open exchanges older than the timeout; returns them. */
    List<MainMode> expireHalfOpen(Instant now) {
        List<MainMode> expired = new ArrayList<>();
        for (MainMode exchange : halfOpen.values()) {
            if (exchange.started().plus(limits.halfOpenTimeout()).isAfter(now)) {
                break;
            }
            expired.add(exchange);
        }
        expired.forEach(e -> removeHalfOpen(e.id()));
        return expired;
    }

    /** Holds a Main Mode we start; false when the limit is reached or (improbably) our random cookie is taken. */
    boolean addInitiated(InitiatedMainMode exchange) {
        if (initiated.size() >= limits.maxHalfOpen() || initiated.containsKey(exchange.initiatorCookie())) {
            return false;
        }
        initiated.put(exchange.initiatorCookie(), exchange);
        return true;
    }

    Optional<InitiatedMainMode> initiated(long initiatorCookie) {
        return Optional.ofNullable(initiated.get(initiatorCookie));
    }

    void removeInitiated(long initiatorCookie) {
        initiated.remove(initiatorCookie);
    }

    List<InitiatedMainMode> allInitiated() {
        return List.copyOf(initiated.values());
    }

    int halfOpenCount() {
        return halfOpen.size();
    }

    void addEstablished(IkeSa sa) {
        if (established.put(sa.id(), sa) == null) {
            budget.established(1);
        }
    }

    Optional<IkeSa> established(IkeSaId id) {
        return Optional.ofNullable(established.get(id));
    }

    void removeEstablished(IkeSaId id) {
        if (established.remove(id) != null) {
            budget.established(-1);
        }
    }

    List<IkeSa> allEstablished() {
        return List.copyOf(established.values());
    }
}

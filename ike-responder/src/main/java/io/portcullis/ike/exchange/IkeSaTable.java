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
 * Half-open Main Modes and established IKE SAs, with the half-open limits: overall and per
 * source address, so one flooding host cannot lock out the others.
 */
final class IkeSaTable {

    private record InitiatorKey(long initiatorCookie, InetSocketAddress source) {
    }

    private final ResponderLimits limits;
    /** Insertion order is start order, so expiry can stop at the first young entry. */
    private final Map<IkeSaId, MainModeResponder> halfOpen = new LinkedHashMap<>();
    private final Map<InitiatorKey, IkeSaId> halfOpenByInitiator = new HashMap<>();
    private final Map<InetAddress, Integer> halfOpenPerAddress = new HashMap<>();
    private final Map<IkeSaId, IkeSa> established = new LinkedHashMap<>();

    IkeSaTable(ResponderLimits limits) {
        this.limits = limits;
    }

    Optional<MainModeResponder> halfOpen(IkeSaId id) {
        return Optional.ofNullable(halfOpen.get(id));
    }

    boolean hasHalfOpenFrom(long initiatorCookie, InetSocketAddress source) {
        return halfOpenByInitiator.containsKey(new InitiatorKey(initiatorCookie, source));
    }

    /** Whether a new Main Mode from this source fits the limits. */
    boolean admits(InetSocketAddress source) {
        return halfOpen.size() < limits.maxHalfOpen()
                && halfOpenPerAddress.getOrDefault(source.getAddress(), 0) < limits.maxHalfOpenPerSource();
    }

    void addHalfOpen(MainModeResponder exchange, InetSocketAddress source) {
        halfOpen.put(exchange.id(), exchange);
        halfOpenByInitiator.put(new InitiatorKey(exchange.id().initiatorCookie(), source), exchange.id());
        halfOpenPerAddress.merge(source.getAddress(), 1, Integer::sum);
    }

    void removeHalfOpen(IkeSaId id) {
        MainModeResponder removed = halfOpen.remove(id);
        if (removed == null) {
            return;
        }
        halfOpenByInitiator.values().removeIf(id::equals);
        halfOpenPerAddress.computeIfPresent(firstAddress(removed), (a, n) -> n <= 1 ? null : n - 1);
    }

    private static InetAddress firstAddress(MainModeResponder exchange) {
        return exchange.firstSource().getAddress();
    }

    /** Drops half-open exchanges older than the timeout; returns them. */
    List<MainModeResponder> expireHalfOpen(Instant now) {
        List<MainModeResponder> expired = new ArrayList<>();
        for (MainModeResponder exchange : halfOpen.values()) {
            if (exchange.started().plus(limits.halfOpenTimeout()).isAfter(now)) {
                break;
            }
            expired.add(exchange);
        }
        expired.forEach(e -> removeHalfOpen(e.id()));
        return expired;
    }

    int halfOpenCount() {
        return halfOpen.size();
    }

    boolean admitsEstablished() {
        return established.size() < limits.maxEstablished();
    }

    void addEstablished(IkeSa sa) {
        established.put(sa.id(), sa);
    }

    Optional<IkeSa> established(IkeSaId id) {
        return Optional.ofNullable(established.get(id));
    }

    void removeEstablished(IkeSaId id) {
        established.remove(id);
    }

    List<IkeSa> allEstablished() {
        return List.copyOf(established.values());
    }
}

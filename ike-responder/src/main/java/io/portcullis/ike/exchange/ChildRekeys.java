package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.Bytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rekeys of one IKE SA's IPsec SA pairs: which pair is being replaced by a Quick Mode we started (held in
 * the IKE SA's {@link ExchangeTable} under its message ID, where the peer's reply is routed), and which pairs
 * are settled — replaced already (by our
 * rekey or by the peer's, whichever came first: the other end then does not rekey too) or given up on (the
 * pair runs until its hard lifetime). Not thread-safe: the IKE SA's shard serialises access.
 */
final class ChildRekeys {

    /** Why a pair is not to be rekeyed (again). */
    enum Settled { IN_PROGRESS, REPLACED, GAVE_UP }

    /** At most one rekey per pair, and pairs of one IKE SA are few: this only bounds a misbehaving peer. */
    static final int MAX_IN_PROGRESS = 16;

    private final ExchangeTable exchanges;
    private final Map<Integer, Settled> byInboundSpi = new HashMap<>();

    ChildRekeys(ExchangeTable exchanges) {
        this.exchanges = exchanges;
    }

    /** Whether the gateway may start a rekey of this pair. */
    boolean eligible(ChildSa child) {
        return !byInboundSpi.containsKey(child.inboundSpi()) && exchanges.count(Role.INITIATOR) < MAX_IN_PROGRESS;
    }

    void started(QuickModeRekeyInitiator exchange) {
        exchanges.add(exchange.messageId(), ExchangeTable.Entry.of(exchange));
        byInboundSpi.put(exchange.replaced().inboundSpi(), Settled.IN_PROGRESS);
    }

    /**
     * A Quick Mode for a new pair (no pair is replaced: {@link ChildRequest#template}): routed by its message ID
     * like a rekey, but no existing pair's bookkeeping changes.
     */
    void startedNew(QuickModeRekeyInitiator exchange) {
        exchanges.add(exchange.messageId(), ExchangeTable.Entry.of(exchange));
    }

    Optional<QuickModeRekeyInitiator> forMessageId(int messageId) {
        return exchanges.initiated(messageId);
    }

    /** The exchange whose new inbound SPI a peer's notify names. */
    Optional<QuickModeRekeyInitiator> forOurSpi(Bytes spi) {
        if (spi.length() != 4) {
            return Optional.empty();
        }
        int value = ((spi.get(0) & 0xFF) << 24) | ((spi.get(1) & 0xFF) << 16) | ((spi.get(2) & 0xFF) << 8) | (spi.get(3) & 0xFF);
        return exchanges.allInitiated().stream().filter(e -> e.ourSpi() == value).findFirst();
    }

    /** An exchange ended: its pair is replaced, or (failed) left to its hard lifetime. */
    void finished(QuickModeRekeyInitiator exchange) {
        if (exchanges.initiated(exchange.messageId()).filter(exchange::equals).isEmpty()) {
            return;
        }
        exchanges.remove(exchange.messageId());
        int replaced = exchange.replaced().inboundSpi();
        if (byInboundSpi.containsKey(replaced)) {
            byInboundSpi.put(replaced, exchange.state() == QuickModeRekeyInitiator.State.COMPLETE
                    ? Settled.REPLACED : Settled.GAVE_UP);
        }
    }

    /** A newer pair with the same selectors exists (the peer rekeyed first, or we did): no rekey of the old one. */
    void superseded(ChildSa older) {
        byInboundSpi.putIfAbsent(older.inboundSpi(), Settled.REPLACED);
    }

    /** The pair is gone; its bookkeeping goes with it (a running exchange for it carries on). */
    void forget(ChildSa child) {
        byInboundSpi.remove(child.inboundSpi());
    }

    /**
     * The pair moves to another IKE SA (the peer re-authenticated): its bookkeeping leaves with it. A rekey we
     * started for it under this SA is abandoned (its messages belong to this SA's keys), so the new SA may start
     * its own; a pair already replaced, or given up on, stays so.
     */
    Optional<Settled> handOver(ChildSa child) {
        for (QuickModeRekeyInitiator exchange : exchanges.allInitiated()) {
            if (exchange.replaced().inboundSpi() == child.inboundSpi()) {
                exchange.abandon();
                exchanges.remove(exchange.messageId());
            }
        }
        Settled settled = byInboundSpi.remove(child.inboundSpi());
        return settled == Settled.IN_PROGRESS ? Optional.empty() : Optional.ofNullable(settled);
    }

    /** A pair handed over from another IKE SA of the peer arrives with what was settled about it there. */
    void takeOver(ChildSa child, Optional<Settled> settled) {
        settled.ifPresent(s -> byInboundSpi.put(child.inboundSpi(), s));
    }

    /** Retransmissions and give-ups that are due, each with the exchange it concerns. */
    List<Map.Entry<QuickModeRekeyInitiator, ExchangeResult>> timers(Instant now) {
        List<Map.Entry<QuickModeRekeyInitiator, ExchangeResult>> due = new ArrayList<>();
        for (QuickModeRekeyInitiator exchange : exchanges.allInitiated()) {
            exchange.onTimer(now).ifPresent(result -> due.add(Map.entry(exchange, result)));
        }
        return due;
    }
}

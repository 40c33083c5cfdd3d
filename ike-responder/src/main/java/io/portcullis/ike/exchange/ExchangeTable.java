package io.portcullis.ike.exchange;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Phase 2 exchanges in progress under one IKE SA, in one table keyed by message ID with the role we play
 * in each (the peer's Quick Modes, which it numbers, and ours: rekeys and new pairs), and the one source of
 * the message IDs we choose: random, never 0 (RFC 2408 §3.1: Phase 1 only), and unique within the IKE SA —
 * neither in progress nor used lately by either end, so an Informational or Quick Mode we start never lands
 * on an IV chain or a retransmission cache entry of another exchange. Not thread-safe: the shard's lock.
 */
final class ExchangeTable {

    /** Message IDs remembered as used (ours and the peer's) beyond those in progress; bounds the memory. */
    static final int REMEMBERED = 256;

    /** One exchange in progress and the role we play in it. */
    record Entry(Role role, QuickModeResponder responding, QuickModeRekeyInitiator initiated) {
        static Entry of(QuickModeResponder exchange) {
            return new Entry(Role.RESPONDER, exchange, null);
        }

        static Entry of(QuickModeRekeyInitiator exchange) {
            return new Entry(Role.INITIATOR, null, exchange);
        }

        void abandon() {
            if (role == Role.RESPONDER) {
                responding.abandon();
            } else {
                initiated.abandon();
            }
        }
    }

    private final Map<Integer, Entry> inProgress = new LinkedHashMap<>();
    private final Set<Integer> used = new LinkedHashSet<>();

    /** A message ID for an exchange we start (an Informational, a Quick Mode). */
    int newMessageId(ExchangeContext ctx) {
        int id;
        do {
            id = ctx.newMessageId();
        } while (inProgress.containsKey(id) || used.contains(id));
        remember(id);
        return id;
    }

    boolean inProgress(int messageId) {
        return inProgress.containsKey(messageId);
    }

    /** The peer's Quick Mode under this message ID, when we answer one there. */
    Optional<QuickModeResponder> responding(int messageId) {
        Entry entry = inProgress.get(messageId);
        return entry != null && entry.role() == Role.RESPONDER ? Optional.of(entry.responding()) : Optional.empty();
    }

    /** Our Quick Mode under this message ID, when we started one there. */
    Optional<QuickModeRekeyInitiator> initiated(int messageId) {
        Entry entry = inProgress.get(messageId);
        return entry != null && entry.role() == Role.INITIATOR ? Optional.of(entry.initiated()) : Optional.empty();
    }

    void add(int messageId, Entry entry) {
        inProgress.put(messageId, entry);
        remember(messageId);
    }

    void remove(int messageId) {
        inProgress.remove(messageId);
    }

    /** How many exchanges in progress play this role (the peer's are limited: it chooses their IDs). */
    int count(Role role) {
        return (int) inProgress.values().stream().filter(e -> e.role() == role).count();
    }

    List<QuickModeResponder> allResponding() {
        return inProgress.values().stream().filter(e -> e.role() == Role.RESPONDER).map(Entry::responding).toList();
    }

    List<QuickModeRekeyInitiator> allInitiated() {
        return inProgress.values().stream().filter(e -> e.role() == Role.INITIATOR).map(Entry::initiated).toList();
    }

    /** Every exchange gives back what it holds (the IKE SA is going). */
    void abandonAll() {
        new ArrayList<>(inProgress.values()).forEach(Entry::abandon);
        inProgress.clear();
    }

    private void remember(int messageId) {
        used.remove(messageId);
        used.add(messageId);
        if (used.size() > REMEMBERED) {
            Iterator<Integer> oldest = used.iterator();
            oldest.next();
            oldest.remove();
        }
    }
}

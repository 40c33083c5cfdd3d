package io.portcullis.ike.exchange;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of dropped datagrams by reason and of answered retransmissions. */
public final class IkeStats {

    private final Map<Drop, LongAdder> drops = new EnumMap<>(Drop.class);
    private final LongAdder retransmissions = new LongAdder();

    IkeStats() {
        for (Drop drop : Drop.values()) {
            drops.put(drop, new LongAdder());
        }
    }

    void count(Drop drop) {
        drops.get(drop).increment();
    }

    void retransmission() {
        retransmissions.increment();
    }

    public long drops(Drop drop) {
        return drops.get(drop).sum();
    }

    public long retransmissions() {
        return retransmissions.sum();
    }
}

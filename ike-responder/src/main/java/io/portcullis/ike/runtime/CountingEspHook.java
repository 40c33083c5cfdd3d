package io.portcullis.ike.runtime;

import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.IkeEvent;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts ESP packets per inbound SPI and drops them: there is no TUN device yet to deliver the
 * inner packets to. Counters exist only for SPIs of installed SAs (so a peer cannot grow the map
 * with invented SPIs); the rest is counted as unknown.
 */
public final class CountingEspHook implements EspHook {

    private record Counters(LongAdder packets, LongAdder bytes) {
    }

    private final Map<Integer, Counters> bySpi = new ConcurrentHashMap<>();
    private final LongAdder unknown = new LongAdder();

    @Override
    public void received(byte[] packet, int off, int len, InetSocketAddress source) {
        if (len < 8) {
            unknown.increment(); // shorter than SPI + sequence number: not ESP (RFC 4303 §2)
            return;
        }
        int spi = ((packet[off] & 0xFF) << 24) | ((packet[off + 1] & 0xFF) << 16) | ((packet[off + 2] & 0xFF) << 8)
                | (packet[off + 3] & 0xFF);
        Counters counters = bySpi.get(spi);
        if (counters == null) {
            unknown.increment();
            return;
        }
        counters.packets().increment();
        counters.bytes().add(len);
    }

    @Override
    public void installed(ChildSaEstablished sa) {
        bySpi.putIfAbsent(sa.inboundSpi(), new Counters(new LongAdder(), new LongAdder()));
    }

    @Override
    public void removed(IkeEvent.ChildSaDeleted sa) {
        bySpi.remove(sa.inboundSpi());
    }

    @Override
    public void adopted(IkeEvent.ChildSaAdopted sa) {
        // Counted by SPI, which stays the same.
    }

    @Override
    public Traffic inbound(int inboundSpi) {
        Counters counters = bySpi.get(inboundSpi);
        return counters == null ? Traffic.NONE : new Traffic(counters.packets().sum(), counters.bytes().sum());
    }

    /** ESP packets for SPIs we hold no SA for, or too short to name one. */
    public long unknownPackets() {
        return unknown.sum();
    }
}

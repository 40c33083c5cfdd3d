package io.portcullis.ike.exchange;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.TrafficSelector;
import java.time.Instant;

/** An established IPsec SA pair as the IKE SA remembers it (no keys: those went to the data plane). */
public record ChildSa(int inboundSpi, int outboundSpi, EspTransform transform, TrafficSelector local,
        TrafficSelector remote, boolean udpEncapsulated, Instant established, Instant expires) {

    @Override
    public String toString() {
        return String.format("ChildSa[in=%08x out=%08x %s %s<->%s]", inboundSpi, outboundSpi, transform, local, remote);
    }
}

package io.portcullis.server.ike;

import io.portcullis.ike.exchange.ChildSa;
import io.portcullis.ike.exchange.IkeSaId;
import io.portcullis.ike.exchange.IkeSaView;
import io.portcullis.ike.runtime.EspHook;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/** The JSON rows of {@code GET /api/v1/ike/sas} and the id form used in its URLs. */
final class IkeSaListing {

    private IkeSaListing() {
    }

    /** An IKE SA with its IPsec SAs; {@code id} is the cookie pair as 32 hex digits, initiator first. */
    record IkeSaRow(String id, String peerId, String peerAddress, String algorithms, Instant established,
            Instant expires, long ageSeconds, long lifetimeSeconds, boolean peerBehindNat, List<ChildSaRow> ipsecSas) {
    }

    /** Bytes and packets are what arrived on the SA (inbound ESP on UDP 4500); outbound needs the data plane. */
    record ChildSaRow(String inboundSpi, String outboundSpi, String algorithms, String localSelector,
            String remoteSelector, boolean udpEncapsulated, Instant established, Instant expires, long ageSeconds,
            long lifetimeSeconds, long inboundPackets, long inboundBytes) {
    }

    static String id(IkeSaId id) {
        return String.format("%016x%016x", id.initiatorCookie(), id.responderCookie());
    }

    static Optional<IkeSaId> parseId(String text) {
        if (text == null || text.length() != 32 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(text);
        long i = 0;
        long r = 0;
        for (int k = 0; k < 8; k++) {
            i = (i << 8) | (bytes[k] & 0xFF);
            r = (r << 8) | (bytes[8 + k] & 0xFF);
        }
        return Optional.of(new IkeSaId(i, r));
    }

    static IkeSaRow row(IkeSaView sa, Instant now, IntFunction<EspHook.Traffic> inbound) {
        List<ChildSaRow> children = sa.children().stream().map(c -> child(c, now, inbound.apply(c.inboundSpi()))).toList();
        return new IkeSaRow(id(sa.id()), sa.peerIdentity(), sa.peerAddress().getAddress().getHostAddress() + ":"
                + sa.peerAddress().getPort(), sa.algorithms(), sa.established(), sa.expires(),
                seconds(sa.established(), now), seconds(sa.established(), sa.expires()), sa.peerBehindNat(), children);
    }

    private static ChildSaRow child(ChildSa c, Instant now, EspHook.Traffic traffic) {
        return new ChildSaRow(String.format("%08x", c.inboundSpi()), String.format("%08x", c.outboundSpi()),
                c.transform().toString(), c.local().toString(), c.remote().toString(), c.udpEncapsulated(),
                c.established(), c.expires(), seconds(c.established(), now), seconds(c.established(), c.expires()),
                traffic.packets(), traffic.bytes());
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}

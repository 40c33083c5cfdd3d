package io.portcullis.ike.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.DropReason;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.EspRoute;
import io.portcullis.ike.exchange.IkeSaId;
import io.portcullis.ike.keymat.ChildSaKeys;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 3948 §4: the peer's NAT mapping changes and its ESP arrives from a new address and port. Only ESP that
 * authenticates on the SA and is the newest it has seen moves the pair; forged, truncated, replayed and older
 * packets from elsewhere are handled as before (dropped, or delivered without moving anything).
 */
class NatMappingChangeTest {
    private static final TrafficSelector GATEWAY_NET = TrafficSelector.of("198.51.100.0/24");
    private static final TrafficSelector PEER_NET = TrafficSelector.of("203.0.113.0/24");
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.2", 4500);
    private static final InetSocketAddress MOVED = new InetSocketAddress("192.0.2.200", 61000);
    private static final InetSocketAddress GATEWAY = new InetSocketAddress("192.0.2.1", 4500);
    private static final EspTransform GCM = EspTransform.aesGcm16(128);
    private static final IkeSaId IKE_SA = new IkeSaId(1, 2);

    private final QueueDevice gatewayDevice = new QueueDevice();
    private final QueueDevice peerDevice = new QueueDevice();
    /** ESP the peer sent, held back so the test decides from where it reaches the gateway. */
    private final BlockingQueue<byte[]> fromPeer = new LinkedBlockingQueue<>();
    private final List<InetSocketAddress> sentTo = new CopyOnWriteArrayList<>();
    private EspDataPlane gateway;
    private EspDataPlane peer;

    @BeforeEach
    void start() {
        gateway = new EspDataPlane(gatewayDevice, RouteInstaller.NONE, Clock.systemUTC(), new SecureRandom(), 128);
        peer = new EspDataPlane(peerDevice, RouteInstaller.NONE, Clock.systemUTC(), new SecureRandom(), 128);
        gateway.start((p, off, len, to) -> {
            sentTo.add(to);
            peer.received(Arrays.copyOfRange(p, off, off + len), 0, len, GATEWAY);
        }, SaLifecycle.NONE);
        peer.start((p, off, len, to) -> fromPeer.add(Arrays.copyOfRange(p, off, off + len)), SaLifecycle.NONE);
        install(0x1001, 0x2001);
    }

    @AfterEach
    void stop() {
        gateway.close();
        peer.close();
    }

    private void install(int gwIn, int gwOut) {
        byte[] toGateway = keymat(gwIn);
        byte[] toPeer = keymat(gwOut);
        gateway.installed(new ChildSaEstablished(IKE_SA, ChildSaKeys.of(gwIn, toGateway, gwOut, toPeer), GCM,
                GATEWAY_NET, PEER_NET, LifetimeLimits.unlimited(), new EspRoute(PEER, true)));
        peer.installed(new ChildSaEstablished(IKE_SA, ChildSaKeys.of(gwOut, toPeer, gwIn, toGateway), GCM,
                PEER_NET, GATEWAY_NET, LifetimeLimits.unlimited(), new EspRoute(GATEWAY, true)));
    }

    private static byte[] keymat(int seed) {
        byte[] k = new byte[GCM.keymatBytes()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 7 + i * 31);
        }
        return k;
    }

    /** The peer encrypts one packet; its ESP is returned, not yet delivered. */
    private byte[] espFromPeer() throws InterruptedException {
        peerDevice.fromHost.add(Packets.ipv4Udp("203.0.113.5", "198.51.100.7", 100));
        byte[] esp = fromPeer.poll(5, TimeUnit.SECONDS);
        assertThat(esp).isNotNull();
        return esp;
    }

    /** Where the gateway's ESP goes now. */
    private InetSocketAddress gatewaySendsTo() throws InterruptedException {
        sentTo.clear();
        byte[] out = Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 100);
        gatewayDevice.fromHost.add(out);
        assertThat(peerDevice.delivered()).isEqualTo(out);
        return sentTo.get(0);
    }

    @Test
    void authenticatedNewestEspFromANewAddressMovesThePairAndTellsIke() throws Exception {
        byte[] first = espFromPeer();
        gateway.received(first, 0, first.length, PEER);
        assertThat(gatewayDevice.delivered()).isNotNull();
        byte[] second = espFromPeer();
        gateway.received(second, 0, second.length, MOVED);
        assertThat(gatewayDevice.delivered()).isNotNull();
        assertThat(gatewaySendsTo()).isEqualTo(MOVED);
        assertThat(gateway.counters().peerMoves()).isEqualTo(1);
        assertThat(gateway.drainPeerMoves()).isEqualTo(Map.of(IKE_SA, MOVED));
        assertThat(gateway.drainPeerMoves()).as("reported once").isEmpty();
    }

    @Test
    void everyPairOfTheIkeSaAtTheOldAddressMoves() throws Exception {
        byte[] onOldPair = espFromPeer();
        install(0x1002, 0x2002); // a rekey: the gateway now sends on the newer pair
        gateway.received(onOldPair, 0, onOldPair.length, MOVED); // arrives late, on the old pair, from the new address
        assertThat(gatewaySendsTo()).isEqualTo(MOVED);
    }

    @Test
    void forgedTruncatedAndUnknownEspFromANewAddressMovesNothing() throws Exception {
        byte[] genuine = espFromPeer();
        byte[] flipped = genuine.clone();
        flipped[flipped.length - 1] ^= 1; // ICV no longer verifies
        gateway.received(flipped, 0, flipped.length, MOVED);
        byte[] forged = new byte[200];
        new java.util.Random(5).nextBytes(forged);
        forged[0] = 0;
        forged[1] = 0;
        forged[2] = 0x10;
        forged[3] = 0x01; // names our SPI, sequence number far ahead
        gateway.received(forged, 0, forged.length, MOVED);
        gateway.received(Arrays.copyOf(genuine, 12), 0, 12, MOVED);
        byte[] unknown = genuine.clone();
        unknown[3] = 0x77;
        gateway.received(unknown, 0, unknown.length, MOVED);
        assertThat(gateway.counters().drops(DropReason.AUTH_FAILED)).isEqualTo(2);
        assertThat(gateway.counters().drops(DropReason.TRUNCATED)).isEqualTo(1);
        assertThat(gateway.counters().drops(DropReason.UNKNOWN_SPI)).isEqualTo(1);
        assertThat(gatewaySendsTo()).isEqualTo(PEER);
        assertThat(gateway.counters().peerMoves()).isZero();
        assertThat(gateway.drainPeerMoves()).isEmpty();
        // The genuine packet from the known address still goes through: nothing was spent on the forgeries.
        gateway.received(genuine, 0, genuine.length, PEER);
        assertThat(gatewayDevice.delivered()).isNotNull();
    }

    @Test
    void replayedOrOlderEspFromANewAddressMovesNothing() throws Exception {
        byte[] first = espFromPeer();
        byte[] second = espFromPeer();
        gateway.received(second, 0, second.length, PEER);
        // An older packet (inside the window, not seen yet) from elsewhere: delivered, but it is no proof of a move.
        gateway.received(first, 0, first.length, MOVED);
        assertThat(gatewayDevice.delivered()).isNotNull();
        assertThat(gatewayDevice.delivered()).isNotNull();
        // A copy of the newest packet from elsewhere is a replay.
        gateway.received(second, 0, second.length, MOVED);
        assertThat(gateway.counters().drops(DropReason.REPLAY)).isEqualTo(1);
        assertThat(gateway.counters().staleSourceChanges()).isEqualTo(1);
        assertThat(gatewaySendsTo()).isEqualTo(PEER);
        assertThat(gateway.counters().peerMoves()).isZero();
    }
}

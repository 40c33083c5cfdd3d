package io.portcullis.ike.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.DropReason;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.EspRoute;
import io.portcullis.ike.exchange.IkeEvent;
import io.portcullis.ike.exchange.IkeSaId;
import io.portcullis.ike.keymat.ChildSaKeys;
import io.portcullis.ike.testing.ManualClock;
import io.portcullis.ike.tun.IpCommand;
import io.portcullis.ike.tun.TunRoutes;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two data planes back to back (the gateway and a peer with mirrored SAs), with in-memory devices and
 * the ESP of each handed straight to the other: both directions, rekey overlap, selector enforcement,
 * lifetime events and reference-counted routes.
 */
class EspDataPlaneTest {
    private static final TrafficSelector GATEWAY_NET = TrafficSelector.of("198.51.100.0/24");
    private static final TrafficSelector PEER_NET = TrafficSelector.of("203.0.113.0/24");
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.2", 4500);
    private static final InetSocketAddress GATEWAY = new InetSocketAddress("192.0.2.1", 4500);
    private static final EspTransform GCM = EspTransform.aesGcm16(128);
    private static final EspTransform CBC = EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128);

    private final QueueDevice gatewayDevice = new QueueDevice();
    private final QueueDevice peerDevice = new QueueDevice();
    private final List<String> ipCalls = new CopyOnWriteArrayList<>();
    private final List<Integer> hardLimits = new CopyOnWriteArrayList<>();
    private final List<Integer> softLimits = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> sentTo = new CopyOnWriteArrayList<>();
    private EspDataPlane gateway;
    private EspDataPlane peer;

    @BeforeEach
    void start() {
        IpCommand recording = new IpCommand("ip") {
            @Override
            public String run(List<String> args) {
                ipCalls.add(String.join(" ", args));
                return "";
            }
        };
        gateway = new EspDataPlane(gatewayDevice, new TunRoutes(recording, "pc0"), Clock.systemUTC(), new SecureRandom(), 128);
        peer = new EspDataPlane(peerDevice, RouteInstaller.NONE, Clock.systemUTC(), new SecureRandom(), 128);
        gateway.start((p, off, len, to) -> {
            sentTo.add(to);
            peer.received(Arrays.copyOfRange(p, off, off + len), 0, len, GATEWAY);
        }, lifecycle());
        peer.start((p, off, len, to) -> gateway.received(Arrays.copyOfRange(p, off, off + len), 0, len, PEER),
                SaLifecycle.NONE);
    }

    private SaLifecycle lifecycle() {
        return new SaLifecycle() {
            @Override
            public void softLimitReached(int inboundSpi) {
                softLimits.add(inboundSpi);
            }

            @Override
            public void hardLimitReached(int inboundSpi) {
                hardLimits.add(inboundSpi);
            }
        };
    }

    @AfterEach
    void stop() {
        gateway.close();
        peer.close();
    }

    /** Installs a pair on both planes: gateway inbound {@code gwIn} is the peer's outbound, and so on. */
    private void establish(int gwIn, int gwOut, EspTransform t, LifetimeLimits limits) {
        byte[] toGateway = keymat(t, gwIn);
        byte[] toPeer = keymat(t, gwOut);
        IkeSaId ike = new IkeSaId(1, 2);
        gateway.installed(new ChildSaEstablished(ike, ChildSaKeys.of(gwIn, toGateway, gwOut, toPeer), t,
                GATEWAY_NET, PEER_NET, limits, new EspRoute(PEER, true)));
        peer.installed(new ChildSaEstablished(ike, ChildSaKeys.of(gwOut, toPeer, gwIn, toGateway), t,
                PEER_NET, GATEWAY_NET, LifetimeLimits.unlimited(), new EspRoute(GATEWAY, true)));
    }

    private static byte[] keymat(EspTransform t, int seed) {
        byte[] k = new byte[t.keymatBytes()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 7 + i * 31);
        }
        return k;
    }

    @Test
    void packetsCrossTheTunnelInBothDirections() throws Exception {
        establish(0x1001, 0x2001, GCM, LifetimeLimits.unlimited());
        byte[] out = Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 1000);
        gatewayDevice.fromHost.add(out);
        assertThat(peerDevice.delivered()).isEqualTo(out);
        byte[] back = Packets.ipv4Udp("203.0.113.5", "198.51.100.7", 1300);
        peerDevice.fromHost.add(back);
        assertThat(gatewayDevice.delivered()).isEqualTo(back);
        awaitTrue(() -> gateway.counters().inboundPackets() == 1 && gateway.counters().outboundPackets() == 1);
        assertThat(gateway.inbound(0x1001).packets()).isEqualTo(1);
        assertThat(sentTo).containsExactly(PEER);
    }

    @Test
    void adoptedPairCountsForTheNewIkeSaAndSendsToItsAddress() throws Exception {
        establish(0x1001, 0x2001, GCM, LifetimeLimits.unlimited());
        IkeSaId newer = new IkeSaId(3, 4);
        InetSocketAddress moved = new InetSocketAddress("192.0.2.99", 4500);
        gateway.adopted(new IkeEvent.ChildSaAdopted(newer, new IkeSaId(1, 2), 0x1001, 0x2001, moved));
        byte[] out = Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 100);
        gatewayDevice.fromHost.add(out);
        assertThat(peerDevice.delivered()).isEqualTo(out);
        assertThat(sentTo).containsExactly(moved);
        byte[] back = Packets.ipv4Udp("203.0.113.5", "198.51.100.7", 100);
        peerDevice.fromHost.add(back);
        assertThat(gatewayDevice.delivered()).isEqualTo(back);
        assertThat(gateway.drainInboundActivity()).containsExactly(newer);
        // Unknown pairs are ignored.
        gateway.adopted(new IkeEvent.ChildSaAdopted(newer, new IkeSaId(1, 2), 0x7777, 0x8888, moved));
        assertThat(gateway.installedInboundSpis()).containsExactly(0x1001);
    }

    @Test
    void innerPacketOutsideTheSelectorsIsDroppedAndCounted() throws Exception {
        establish(0x1001, 0x2001, CBC, LifetimeLimits.unlimited());
        // The peer's SA is (wrongly, as a hostile peer could) widened: it sends from an address it does not own.
        peer.installed(new ChildSaEstablished(new IkeSaId(1, 2),
                ChildSaKeys.of(0x3001, keymat(CBC, 0x3001), 0x1003, keymat(CBC, 0x1003)), CBC,
                TrafficSelector.of("0.0.0.0/0"), GATEWAY_NET, LifetimeLimits.unlimited(), new EspRoute(GATEWAY, true)));
        gateway.installed(new ChildSaEstablished(new IkeSaId(1, 2),
                ChildSaKeys.of(0x1003, keymat(CBC, 0x1003), 0x3001, keymat(CBC, 0x3001)), CBC,
                GATEWAY_NET, PEER_NET, LifetimeLimits.unlimited(), new EspRoute(PEER, true)));
        peerDevice.fromHost.add(Packets.ipv4Udp("10.9.9.9", "198.51.100.7", 100));
        awaitTrue(() -> gateway.counters().drops(DropReason.SELECTOR_MISMATCH) == 1);
        assertThat(gatewayDevice.toHost).isEmpty();
    }

    @Test
    void rekeyOverlapKeepsOldInboundWorkingAndMovesOutboundToTheNewPair() throws Exception {
        establish(0x1001, 0x2001, GCM, LifetimeLimits.unlimited());
        assertThat(ipCalls).containsExactly("-4 route replace 203.0.113.0/24 dev pc0");
        // Quick Mode rekey: the new pair is installed on the gateway first; the peer still sends on the old one.
        IkeSaId ike = new IkeSaId(1, 2);
        gateway.installed(new ChildSaEstablished(ike,
                ChildSaKeys.of(0x1002, keymat(GCM, 0x1002), 0x2002, keymat(GCM, 0x2002)), GCM,
                GATEWAY_NET, PEER_NET, LifetimeLimits.unlimited(), new EspRoute(PEER, true)));
        byte[] fromPeerOld = Packets.ipv4Udp("203.0.113.5", "198.51.100.7", 200);
        peerDevice.fromHost.add(fromPeerOld);
        assertThat(gatewayDevice.delivered()).as("old inbound SA still accepted").isEqualTo(fromPeerOld);
        // The gateway sends on the newest SA; the peer has it only once its own side of the rekey is done.
        peer.installed(new ChildSaEstablished(ike,
                ChildSaKeys.of(0x2002, keymat(GCM, 0x2002), 0x1002, keymat(GCM, 0x1002)), GCM,
                PEER_NET, GATEWAY_NET, LifetimeLimits.unlimited(), new EspRoute(GATEWAY, true)));
        byte[] toPeer = Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 300);
        gatewayDevice.fromHost.add(toPeer);
        assertThat(peerDevice.delivered()).isEqualTo(toPeer);
        assertThat(peer.inbound(0x2002).packets()).as("sent on the new SA").isEqualTo(1);
        assertThat(peer.inbound(0x2001).packets()).isZero();
        // The peer deletes the old pair: the route stays (the new pair uses it), traffic goes on.
        gateway.removed(new IkeEvent.ChildSaDeleted(ike, 0x1001, 0x2001, IkeEvent.Cause.PEER_DELETE));
        peer.removed(new IkeEvent.ChildSaDeleted(ike, 0x2001, 0x1001, IkeEvent.Cause.PEER_DELETE));
        assertThat(ipCalls).hasSize(1);
        byte[] fromPeerNew = Packets.ipv4Udp("203.0.113.5", "198.51.100.7", 400);
        peerDevice.fromHost.add(fromPeerNew);
        assertThat(gatewayDevice.delivered()).isEqualTo(fromPeerNew);
        assertThat(gateway.inbound(0x1002).packets()).isEqualTo(1);
        // The last pair goes: so does the route.
        gateway.removed(new IkeEvent.ChildSaDeleted(ike, 0x1002, 0x2002, IkeEvent.Cause.LOCAL_DELETE));
        assertThat(ipCalls).containsExactly("-4 route replace 203.0.113.0/24 dev pc0", "-4 route del 203.0.113.0/24 dev pc0");
        gatewayDevice.fromHost.add(Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 100));
        awaitTrue(() -> gateway.counters().drops(DropReason.NO_OUTBOUND_SA) == 1);
    }

    @Test
    void hardKilobyteLimitIsReportedByInboundSpiAndStopsTheSa() throws Exception {
        // soft 2 kB, hard 4 kB of inner traffic
        establish(0x1001, 0x2001, CBC, new LifetimeLimits(Duration.ZERO, Duration.ZERO, 2, 4));
        for (int i = 0; i < 5; i++) {
            gatewayDevice.fromHost.add(Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 1000));
        }
        awaitTrue(() -> hardLimits.equals(List.of(0x1001)));
        assertThat(softLimits).containsExactly(0x1001);
        awaitTrue(() -> gateway.counters().drops(DropReason.EXPIRED) == 1);
        assertThat(gateway.counters().outboundPackets()).isEqualTo(4);
    }

    @Test
    void timeLimitIsFoundByPollingAnIdleSa() throws Exception {
        ManualClock clock = new ManualClock();
        EspDataPlane idle = new EspDataPlane(new QueueDevice(), RouteInstaller.NONE, clock, new SecureRandom(), 128);
        List<Integer> hard = new ArrayList<>();
        idle.start((p, o, l, t) -> { }, new SaLifecycle() {
            @Override
            public void softLimitReached(int inboundSpi) {
            }

            @Override
            public void hardLimitReached(int inboundSpi) {
                hard.add(inboundSpi);
            }
        });
        try {
            idle.installed(new ChildSaEstablished(new IkeSaId(1, 2),
                    ChildSaKeys.of(0x1001, keymat(GCM, 1), 0x2001, keymat(GCM, 2)), GCM,
                    GATEWAY_NET, PEER_NET,
                    LifetimeLimits.ofTime(Duration.ofSeconds(54), Duration.ofSeconds(60)), new EspRoute(PEER, true)));
            idle.pollLifetimes();
            assertThat(hard).isEmpty();
            clock.advance(Duration.ofSeconds(60));
            idle.pollLifetimes();
            idle.pollLifetimes();
            assertThat(hard).as("reported once, under the inbound SPI, for either SA of the pair").containsExactly(0x1001);
        } finally {
            idle.close();
        }
    }

    @Test
    void hostileDatagramsAndDevicePacketsAreCountedDropsNeverExceptions() throws Exception {
        establish(0x1001, 0x2001, GCM, LifetimeLimits.unlimited());
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(120)];
            random.nextBytes(junk);
            if (i % 2 == 0 && junk.length >= 4) { // half of them name the installed SPI, so they reach the ICV check
                junk[0] = 0;
                junk[1] = 0;
                junk[2] = 0x10;
                junk[3] = 0x01;
            }
            gateway.received(junk, 0, junk.length, PEER);
        }
        assertThat(gatewayDevice.toHost).isEmpty();
        long dropped = 0;
        for (DropReason reason : DropReason.values()) {
            dropped += gateway.counters().drops(reason);
        }
        assertThat(dropped).isEqualTo(200);
        assertThat(gateway.counters().drops(DropReason.UNKNOWN_SPI)).isPositive();
        // From the host side: a packet that is not IP at all, and one for a subnet no tunnel covers.
        gatewayDevice.fromHost.add(new byte[] {0x60, 1, 2});
        gatewayDevice.fromHost.add(Packets.ipv4Udp("198.51.100.7", "10.0.0.1", 10));
        awaitTrue(() -> gateway.counters().drops(DropReason.MALFORMED_INNER) == 1
                && gateway.counters().drops(DropReason.NO_OUTBOUND_SA) == 1);
        // The plane still works afterwards.
        byte[] fine = Packets.ipv4Udp("203.0.113.5", "198.51.100.7", 64);
        peerDevice.fromHost.add(fine);
        assertThat(gatewayDevice.delivered()).isEqualTo(fine);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}

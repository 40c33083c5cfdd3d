package io.portcullis.ike.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound thread gives the CPU away after every burst of packets it sent back to back, and only for packets sent. */
class OutboundBurstTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.2", 4500);
    private static final EspTransform GCM = EspTransform.aesGcm16(128);

    private final QueueDevice device = new QueueDevice();
    private final AtomicInteger sent = new AtomicInteger();
    /** How many packets had gone out at each yield. */
    private final List<Integer> yieldsAfter = new CopyOnWriteArrayList<>();
    private EspDataPlane plane;

    @BeforeEach
    void start() {
        plane = new EspDataPlane(device, RouteInstaller.NONE, Clock.systemUTC(), new SecureRandom(), 128,
                new SendBurst(SendBurst.DEFAULT_BURST, () -> yieldsAfter.add(sent.get())));
        plane.start((p, off, len, to) -> sent.incrementAndGet(), SaLifecycle.NONE);
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    @Test
    void yieldsOncePerBurstOfSentPackets() throws Exception {
        plane.installed(new ChildSaEstablished(new IkeSaId(1, 2),
                ChildSaKeys.of(0x1001, new byte[GCM.keymatBytes()], 0x2001, new byte[GCM.keymatBytes()]), GCM,
                TrafficSelector.of("198.51.100.0/24"), TrafficSelector.of("203.0.113.0/24"),
                LifetimeLimits.unlimited(), new EspRoute(PEER, true)));
        for (int i = 0; i < 100; i++) {
            device.fromHost.add(Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 1000));
        }
        awaitTrue(() -> sent.get() == 100);
        assertThat(yieldsAfter).containsExactly(32, 64, 96);
    }

    @Test
    void packetsThatAreNotSentDoNotCount() throws Exception {
        for (int i = 0; i < 40; i++) {
            device.fromHost.add(Packets.ipv4Udp("198.51.100.7", "203.0.113.5", 100)); // no SA installed
        }
        awaitTrue(() -> plane.counters().drops(DropReason.NO_OUTBOUND_SA) == 40);
        assertThat(yieldsAfter).isEmpty();
    }

    @Test
    void aBurstIsAtLeastOnePacket() {
        assertThatThrownBy(() -> new SendBurst(0, () -> { })).isInstanceOf(IllegalArgumentException.class);
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

package io.portcullis.ike.dataplane;

import io.portcullis.ike.esp.DropReason;
import io.portcullis.ike.esp.EspDecoder;
import io.portcullis.ike.esp.EspEncoder;
import io.portcullis.ike.esp.EspResult;
import io.portcullis.ike.esp.LifetimeEvent;
import io.portcullis.ike.esp.SaDatabase;
import io.portcullis.ike.esp.SecurityAssociation;
import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.IkeEvent;
import io.portcullis.ike.exchange.IkeSaId;
import io.portcullis.ike.runtime.EspHook;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * User-space ESP between the NAT-T socket and a packet device (DESIGN.md data flow 4).
 *
 * <ul>
 *   <li>Inbound, on the UDP 4500 reader thread: SPI lookup → anti-replay → ICV/decrypt → inner packet
 *       inside the SA's selectors (else dropped and counted) → device write.</li>
 *   <li>Outbound, on this plane's own thread: device read → the newest outbound SA whose selectors
 *       cover the packet → encrypt → UDP to the peer, yielding the CPU after each {@link SendBurst}.</li>
 * </ul>
 * Each direction reuses its own buffers; per packet what remains allocated is mostly the JDK cipher's own
 * (its init: about 1.1 kB per GCM packet, 160 octets per CBC one) and the small result record of the ESP
 * core (bin/bench-esp-alloc measures both against the bare JDK cipher). SA pairs are installed and
 * removed from IKE events; lifetime thresholds go back to IKE through {@link SaLifecycle}. Several pairs
 * of one tunnel may be installed at once (a rekey): the peer's traffic keeps arriving on the old inbound SA until it switches, ours moves to the new one.
 */
public final class EspDataPlane implements EspHook, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EspDataPlane.class);
    /** Largest inner packet read from the device; larger ones are truncated by the kernel and dropped. */
    private static final int MAX_PACKET = 65_535;

    private final SaDatabase database = new SaDatabase();
    private final EspEncoder encoder = new EspEncoder(database);
    private final EspDecoder decoder = new EspDecoder(database);
    private final PacketDevice device;
    private final RouteInstaller routes;
    private final Clock clock;
    private final SecureRandom random;
    private final int replayWindow;
    private final SendBurst burst;
    private final Map<Integer, SaPair> byInboundSpi = new ConcurrentHashMap<>();
    /** Identity-keyed (SecurityAssociation keeps Object's equals): both SAs of a pair map to it. */
    private final Map<SecurityAssociation, SaPair> bySa = new ConcurrentHashMap<>();
    /** Peers that moved (NAT mapping), until IKE picks them up; one entry per IKE SA, the latest address. */
    private final Map<IkeSaId, InetSocketAddress> peerMoves = new ConcurrentHashMap<>();
    private final ThreadLocal<byte[]> inboundBuffer = ThreadLocal.withInitial(() -> new byte[MAX_PACKET]);
    private final Counters counters = new Counters();
    private volatile EspSender sender;
    private volatile SaLifecycle lifecycle = SaLifecycle.NONE;
    private volatile boolean running;
    private Thread outboundThread;

    public EspDataPlane(PacketDevice device, RouteInstaller routes, Clock clock, SecureRandom random, int replayWindow) {
        this(device, routes, clock, random, replayWindow, SendBurst.yieldingThread());
    }

    EspDataPlane(PacketDevice device, RouteInstaller routes, Clock clock, SecureRandom random, int replayWindow,
            SendBurst burst) {
        this.burst = Objects.requireNonNull(burst, "burst");
        this.device = Objects.requireNonNull(device, "device");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.replayWindow = replayWindow;
    }

    /** Starts the outbound thread; ESP goes out through {@code sender}, lifetime events to {@code lifecycle}. */
    public synchronized void start(EspSender sender, SaLifecycle lifecycle) {
        if (running) {
            throw new IllegalStateException("data plane already started");
        }
        this.sender = Objects.requireNonNull(sender, "sender");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        running = true;
        outboundThread = new Thread(this::outboundLoop, "esp-out-" + device.name());
        outboundThread.setDaemon(true);
        outboundThread.start();
    }

    public String deviceName() {
        return device.name();
    }

    public Counters counters() {
        return counters;
    }

    /** The core's database, for the admin view and tests. */
    public SaDatabase database() {
        return database;
    }

    // ---- inbound: UDP 4500 reader thread ----

    @Override
    public void received(byte[] packet, int off, int len, InetSocketAddress source) {
        byte[] out = inboundBuffer.get();
        EspResult result = decoder.decode(packet, off, len, out, 0);
        if (result instanceof EspResult.Processed done) {
            followPeer(done.sa(), packet, off, source);
            // The decoder wrote the inner packet from offset 0 (outOff) of our buffer.
            if (device.write(out, done.length())) {
                counters.inboundPackets.increment();
                counters.inboundBytes.add(done.length());
            } else {
                counters.deviceWriteFailures.increment();
            }
        } else {
            EspResult.Dropped dropped = (EspResult.Dropped) result;
            counters.countDrop(dropped.reason());
        }
        onLifetime(result);
    }

    /**
     * RFC 3948 §4 (as RFC 7296 §2.23 spells out): a NAT in front of the peer may give it a new public address or
     * port. ESP that authenticated on one of our SAs and is the newest that SA has seen (it moved the anti-replay
     * window's right edge, so it is no replayed or delayed copy) shows where the peer sends from now: the ESP of
     * every pair of its IKE SA at the old address goes there, and IKE learns it through {@link #drainPeerMoves}.
     * Nothing else moves a pair: a packet whose ICV fails never gets here, a replay is refused by the window, and
     * an older packet does not carry the highest sequence number.
     */
    private void followPeer(SecurityAssociation inbound, byte[] packet, int off, InetSocketAddress source) {
        SaPair pair = bySa.get(inbound);
        if (pair == null || pair.peer().equals(source)) {
            return;
        }
        long sequence = ((packet[off + 4] & 0xFFL) << 24) | ((packet[off + 5] & 0xFF) << 16) | ((packet[off + 6] & 0xFF) << 8)
                | (packet[off + 7] & 0xFF);
        if (sequence != inbound.highestSequence()) {
            counters.staleSourceChanges.increment();
            return;
        }
        InetSocketAddress from = pair.peer();
        IkeSaId ikeSa = pair.ikeSa();
        for (SaPair other : byInboundSpi.values()) {
            if (other.ikeSa().equals(ikeSa) && other.peer().equals(from)) {
                other.moveTo(source);
            }
        }
        peerMoves.put(ikeSa, source);
        counters.peerMoves.increment();
        LOG.infof("ESP SA %08x: authenticated ESP (sequence %d, the newest) arrived from %s instead of %s; the peer's"
                + " NAT mapping moved, its ESP goes there now", inbound.spi(), sequence, source, from);
    }

    /** The new addresses of peers whose NAT mapping moved since the last call, by IKE SA (for IKE to follow). */
    public Map<IkeSaId, InetSocketAddress> drainPeerMoves() {
        Map<IkeSaId, InetSocketAddress> moves = new java.util.HashMap<>();
        for (IkeSaId id : List.copyOf(peerMoves.keySet())) {
            InetSocketAddress to = peerMoves.remove(id);
            if (to != null) {
                moves.put(id, to);
            }
        }
        return moves;
    }

    // ---- outbound: this plane's thread ----

    private void outboundLoop() {
        byte[] inner = new byte[MAX_PACKET];
        byte[] esp = new byte[MAX_PACKET + 512];
        while (running) {
            int n;
            try {
                n = device.read(inner);
            } catch (IOException e) {
                LOG.errorf("ESP outbound stopped: %s", e.getMessage());
                return;
            }
            if (n < 0) {
                return;
            }
            if (n == 0) {
                continue;
            }
            try {
                sendOne(inner, n, esp);
            } catch (RuntimeException e) {
                // One packet lost, never the loop.
                counters.outboundErrors.increment();
                LOG.debugf(e, "ESP outbound packet of %d bytes failed", n);
            }
        }
    }

    private void sendOne(byte[] inner, int n, byte[] esp) {
        EspResult result = encoder.encode(inner, 0, n, esp, 0);
        if (result instanceof EspResult.Processed done) {
            SaPair pair = bySa.get(done.sa());
            if (pair != null) {
                sender.send(esp, done.offset(), done.length(), pair.peer());
                counters.outboundPackets.increment();
                counters.outboundBytes.add(n);
                burst.sent();
            }
        } else {
            counters.countDrop(((EspResult.Dropped) result).reason());
        }
        onLifetime(result);
    }

    private void onLifetime(EspResult result) {
        LifetimeEvent event = result.lifetimeEvent();
        if (event == LifetimeEvent.NONE) {
            return;
        }
        SecurityAssociation sa = result instanceof EspResult.Processed p ? p.sa()
                : ((EspResult.Dropped) result).sa().orElse(null);
        if (sa != null) {
            notifyLifetime(sa, event);
        }
    }

    private void notifyLifetime(SecurityAssociation sa, LifetimeEvent event) {
        SaPair pair = bySa.get(sa);
        if (pair == null) {
            return;
        }
        int spi = pair.inbound().spi();
        if (event == LifetimeEvent.HARD_LIMIT_REACHED && pair.firstReport(2)) {
            LOG.infof("ESP SA %08x reached its hard lifetime (%d kB, %d packets): deleting the pair", sa.spi(),
                    sa.lifetime().bytes() / 1024, sa.lifetime().packets());
            lifecycle.hardLimitReached(spi);
        } else if (event == LifetimeEvent.SOFT_LIMIT_REACHED && pair.firstReport(1)) {
            LOG.debugf("ESP SA %08x reached its soft lifetime; waiting for the peer's rekey", sa.spi());
            lifecycle.softLimitReached(spi);
        }
    }

    /** Reports thresholds crossed by time alone (idle SAs); for the gateway's periodic sweep. */
    public void pollLifetimes() {
        for (SaDatabase.LifetimeNotice notice : database.pollLifetimes()) {
            notifyLifetime(notice.sa(), notice.event());
        }
    }

    // ---- SA lifecycle from IKE ----

    @Override
    public void installed(ChildSaEstablished established) {
        if (!established.udpEncapsulated()) {
            // Plain ESP (IP protocol 50) needs a raw socket; peers are told to encapsulate (strongSwan encap=yes).
            LOG.warnf("IPsec SA %08x is not UDP-encapsulated; only ESP-in-UDP (RFC 3948) is carried, its traffic is dropped",
                    established.inboundSpi());
        }
        SecurityAssociation in;
        SecurityAssociation out;
        try {
            in = established.inboundSa().clock(clock).replayWindowSize(replayWindow).build();
            out = established.outboundSa().clock(clock).random(random).build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.errorf("IPsec SA %08x cannot be installed: %s", established.inboundSpi(), e.getMessage());
            return;
        }
        SaPair pair = new SaPair(in, out, established.peerAddress(), established.ikeSa());
        if (byInboundSpi.putIfAbsent(in.spi(), pair) != null) {
            LOG.errorf("IPsec SA %08x installed twice; keeping the first", in.spi());
            return;
        }
        bySa.put(in, pair);
        bySa.put(out, pair);
        routes.add(established.remote().prefix(), established.local().prefix());
        database.install(out);
        database.install(in);
        LOG.infof("ESP SA pair in=%08x out=%08x %s %s <-> %s via %s to %s", in.spi(), out.spi(), established.transform(),
                established.local(), established.remote(), device.name(), established.peerAddress());
    }

    @Override
    public void removed(IkeEvent.ChildSaDeleted deleted) {
        SaPair pair = byInboundSpi.remove(deleted.inboundSpi());
        if (pair == null) {
            return;
        }
        database.remove(pair.inbound());
        database.remove(pair.outbound());
        bySa.remove(pair.inbound());
        bySa.remove(pair.outbound());
        routes.remove(pair.outbound().remoteSelector().prefix());
        LOG.infof("ESP SA pair in=%08x out=%08x removed (%s): %d packets in, %d out", pair.inbound().spi(),
                pair.outbound().spi(), deleted.cause(), pair.inbound().lifetime().packets(),
                pair.outbound().lifetime().packets());
    }

    @Override
    public void adopted(IkeEvent.ChildSaAdopted adopted) {
        SaPair pair = byInboundSpi.get(adopted.inboundSpi());
        if (pair != null) {
            pair.belongTo(adopted.ikeSa());
            pair.moveTo(adopted.peerAddress());
        }
    }

    @Override
    public Traffic inbound(int inboundSpi) {
        SaPair pair = byInboundSpi.get(inboundSpi);
        return pair == null ? Traffic.NONE
                : new Traffic(pair.inbound().lifetime().packets(), pair.inbound().lifetime().bytes());
    }

    /**
     * The IKE SAs on whose IPsec SAs ESP arrived since the last call (for dead peer detection); counted from
     * the SAs' own packet counters, so the packet path pays nothing for it.
     */
    public java.util.Set<IkeSaId> drainInboundActivity() {
        java.util.Set<IkeSaId> active = new java.util.HashSet<>();
        for (SaPair pair : byInboundSpi.values()) {
            if (pair.activeSinceLastAsked()) {
                active.add(pair.ikeSa());
            }
        }
        return active;
    }

    /** The installed pairs' inbound SPIs. */
    public List<Integer> installedInboundSpis() {
        return List.copyOf(byInboundSpi.keySet());
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        device.close();
        Thread t = outboundThread;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        routes.removeAll();
    }

    /** Packet counters of the whole plane (per-SA counters live on the SAs). */
    public static final class Counters {
        private final LongAdder inboundPackets = new LongAdder();
        private final LongAdder inboundBytes = new LongAdder();
        private final LongAdder outboundPackets = new LongAdder();
        private final LongAdder outboundBytes = new LongAdder();
        private final LongAdder deviceWriteFailures = new LongAdder();
        private final LongAdder outboundErrors = new LongAdder();
        private final LongAdder peerMoves = new LongAdder();
        private final LongAdder staleSourceChanges = new LongAdder();
        private final LongAdder[] drops = new LongAdder[DropReason.values().length];

        Counters() {
            for (int i = 0; i < drops.length; i++) {
                drops[i] = new LongAdder();
            }
        }

        void countDrop(DropReason reason) {
            drops[reason.ordinal()].increment();
        }

        public long inboundPackets() {
            return inboundPackets.sum();
        }

        public long inboundBytes() {
            return inboundBytes.sum();
        }

        public long outboundPackets() {
            return outboundPackets.sum();
        }

        public long outboundBytes() {
            return outboundBytes.sum();
        }

        /** Authenticated, newest ESP from a new address: the pairs of its IKE SA moved there. */
        public long peerMoves() {
            return peerMoves.sum();
        }

        /** Authenticated ESP from another address that was not the newest: nothing moved. */
        public long staleSourceChanges() {
            return staleSourceChanges.sum();
        }

        public long deviceWriteFailures() {
            return deviceWriteFailures.sum();
        }

        public long drops(DropReason reason) {
            return drops[reason.ordinal()].sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("in=" + inboundPackets() + " out=" + outboundPackets());
            for (DropReason r : DropReason.values()) {
                long n = drops(r);
                if (n > 0) {
                    s.append(' ').append(r.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(n);
                }
            }
            return s.toString();
        }
    }
}

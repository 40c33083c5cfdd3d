package io.portcullis.ike.bench;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpDecodeException;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.FragmentReassembler;
import io.portcullis.ike.isakmp.ReassemblyLimits;
import io.portcullis.ike.isakmp.ReassemblyResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives Main Mode + Quick Mode handshakes over real UDP against one responder, with a fixed
 * number in flight: the test initiator of the protocol tests ({@link IkeInitiator},
 * {@link QuickModeInitiator}) behind two sockets, one talking to port 500 (messages 1-4) and one
 * to 4500 with the non-ESP marker (message 5 on, as strongSwan's {@code encap = yes} does). Every
 * reply is verified (SIG_R, HASH(2)); a message unanswered for four seconds is sent again, and a
 * handshake unanswered four times counts as failed. Tunnels are left established.
 */
final class HandshakeLoad implements AutoCloseable {

    private static final long RETRANSMIT_NANOS = TimeUnit.SECONDS.toNanos(4); // strongSwan's initiator default
    private static final int MAX_SENDS = 4;
    /** Seeds are unique per process: cookies, Quick Mode message IDs and SPIs never repeat at a responder. */
    private static final AtomicLong SEEDS = new AtomicLong(1);

    private final BenchPki pki;
    private final InetSocketAddress ikeTarget;
    private final InetSocketAddress nattTarget;
    private final DatagramChannel ike;
    private final DatagramChannel natt;
    private final Map<Long, Handshake> inFlight = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retransmits = new LongAdder();
    private volatile Semaphore permits;
    private volatile ChildProposal child;
    private final Thread[] threads;

    HandshakeLoad(BenchPki pki, InetAddress responder) throws IOException {
        this.pki = pki;
        this.ikeTarget = new InetSocketAddress(responder, 500);
        this.nattTarget = new InetSocketAddress(responder, 4500);
        this.ike = DatagramChannel.open().bind(new InetSocketAddress(0));
        this.natt = DatagramChannel.open().bind(new InetSocketAddress(0));
        this.threads = new Thread[] {new Thread(() -> read(ike, false), "bench-ike"),
                new Thread(() -> read(natt, true), "bench-natt"), new Thread(this::retransmit, "bench-retransmit")};
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
    }

    /** The outcome of one run. */
    record Run(int completed, long failed, long retransmits, double seconds) {
        double perSecond() {
            return completed / seconds;
        }
    }

    /** Runs {@code count} handshakes, {@code concurrency} at a time; returns once all ended. */
    Run run(int count, int concurrency, boolean pfs) throws InterruptedException {
        child = ChildProposal.of(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128), pfs ? 14 : 0);
        permits = new Semaphore(concurrency);
        long failedBefore = failed.sum();
        long retransmitsBefore = retransmits.sum();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            start(SEEDS.getAndIncrement());
        }
        permits.acquire(concurrency); // every handshake ended
        double seconds = (System.nanoTime() - start) / 1e9;
        long failures = failed.sum() - failedBefore;
        return new Run((int) (count - failures), failures, retransmits.sum() - retransmitsBefore, seconds);
    }

    private void start(long seed) {
        int peer = (int) (seed % pki.peers().size());
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed)
                .withCertificate(pki.peers().get(peer)).withIdentity(IdentificationPayload.fqdn(BenchPki.peerName(peer)))
                .withPrivateKey(pki.peerKey()).expectingGateway(pki.gateway()).to(ikeTarget);
        Handshake handshake = new Handshake(initiator, seed);
        inFlight.put(initiator.initiatorCookie(), handshake);
        synchronized (handshake) {
            handshake.send(initiator.message1().data(), false);
        }
    }

    private final class Handshake {
        private final IkeInitiator initiator;
        private final int quickModeId;
        private final long seed;
        private final FragmentReassembler fragments = new FragmentReassembler(Clock.systemUTC(), ReassemblyLimits.defaults());
        private final IsakmpDecoder decoder = new IsakmpDecoder();
        private int step = 2; // the message we wait for: 2, 4, 6, then 22 (Quick Mode message 2)
        private QuickModeInitiator quickMode;
        private byte[] last;
        private boolean lastOnNatt;
        private long lastSent;
        private int sends;
        private boolean ended;

        Handshake(IkeInitiator initiator, long seed) {
            this.initiator = initiator;
            this.seed = seed;
            // The responder's outbound SPI is derived from this ID (QuickModeInitiator): unique low 16 bits.
            this.quickModeId = 0x5a000000 | (int) (seed & 0xFFFF);
        }

        void send(byte[] isakmp, boolean onNatt) {
            last = isakmp;
            lastOnNatt = onNatt;
            lastSent = System.nanoTime();
            sends++;
            transmit(isakmp, onNatt);
        }

        void received(byte[] data) throws IkeCryptoException, IsakmpDecodeException {
            if (ended) {
                return;
            }
            int exchange = data[18] & 0xFF;
            Datagram in = new Datagram(data, ikeTarget, ikeTarget);
            if (step == 2 && exchange == 2) {
                initiator.receive2(in);
                advance(initiator.message3().data(), false, 4);
            } else if (step == 4 && exchange == 2 && (data[19] & 1) == 0) {
                initiator.receive4(in);
                advance(initiator.message5().data(), true, 6);
            } else if (step == 6 && exchange == 2) {
                byte[] whole = data;
                boolean encrypted = (data[19] & 1) != 0;
                if (!encrypted && (data[16] & 0xFF) != 132) {
                    return; // message 4 again (our message 3 was retransmitted)
                }
                if (!encrypted) { // a fragment (IKEv1 fragmentation)
                    ReassemblyResult result = fragments.offer(decoder.decode(data));
                    if (!(result instanceof ReassemblyResult.Complete complete)) {
                        return;
                    }
                    whole = complete.message().toByteArray();
                }
                initiator.receive6(List.of(new Datagram(whole, ikeTarget, ikeTarget)));
                // Each tunnel protects an address of its own, as many peers would: 10.x.y.z/32.
                ChildProposal ours = child.withIds(ChildProposal.subnet("10." + ((seed >> 16) & 0xFF) + "."
                        + ((seed >> 8) & 0xFF) + "." + (seed & 0xFF), 32), child.idcr());
                quickMode = new QuickModeInitiator(initiator, ours, quickModeId);
                advance(quickMode.message1().data(), true, 22);
            } else if (step == 22 && exchange == 32) {
                quickMode.receive2(new Datagram(data, nattTarget, nattTarget));
                transmit(quickMode.message3().data(), true);
                end(true);
            }
            // anything else (a retransmission, an Informational) is not for this step
        }

        private void advance(byte[] next, boolean onNatt, int awaiting) {
            sends = 0;
            step = awaiting;
            send(next, onNatt);
        }

        void end(boolean ok) {
            if (ended) {
                return;
            }
            ended = true;
            inFlight.remove(initiator.initiatorCookie());
            if (!ok) {
                failed.increment();
            }
            permits.release();
        }
    }

    private void transmit(byte[] isakmp, boolean onNatt) {
        try {
            if (onNatt) {
                ByteBuffer marked = ByteBuffer.allocate(4 + isakmp.length);
                marked.putInt(0).put(isakmp).flip();
                natt.send(marked, nattTarget);
            } else {
                ike.send(ByteBuffer.wrap(isakmp), ikeTarget);
            }
        } catch (IOException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    private void read(DatagramChannel channel, boolean marked) {
        ByteBuffer buffer = ByteBuffer.allocate(65_535);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                continue;
            }
            buffer.flip();
            if (marked) {
                if (buffer.remaining() < 4 + 28 || buffer.getInt() != 0) {
                    continue; // NAT keepalive or ESP: not for the initiator
                }
            }
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            if (data.length < 28) {
                continue;
            }
            Handshake handshake = inFlight.get(ByteBuffer.wrap(data, 0, 8).getLong());
            if (handshake == null) {
                continue;
            }
            synchronized (handshake) {
                try {
                    handshake.received(data);
                } catch (IkeCryptoException | IsakmpDecodeException | RuntimeException e) {
                    System.err.println("handshake failed: " + e);
                    handshake.end(false);
                }
            }
        }
    }

    private void retransmit() {
        while (ike.isOpen()) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Handshake handshake : inFlight.values()) {
                synchronized (handshake) {
                    if (handshake.ended || now - handshake.lastSent < RETRANSMIT_NANOS) {
                        continue;
                    }
                    if (handshake.sends >= MAX_SENDS) {
                        handshake.end(false);
                    } else {
                        retransmits.increment();
                        handshake.send(handshake.last, handshake.lastOnNatt);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        ike.close();
        natt.close();
    }
}

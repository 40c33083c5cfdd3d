package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both cores on one SA: unique sequence numbers out, every packet accepted exactly once in. */
class EspConcurrencyTest {
    private static final int SPI = 0x5000_0005;
    private static final int PER_THREAD = 5000;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoThreadsEncryptingOnOneSaProduceUniqueSequenceNumbersAndReceiverAcceptsAll() throws Exception {
        for (EspTransform t : new EspTransform[] {
                EspTransform.aesGcm16(128), EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128)}) {
            Fixtures.Pair pair = Fixtures.pair(t, SPI, Clock.systemUTC(), LifetimeLimits.unlimited(), 1024);
            SaDatabase tx = new SaDatabase();
            tx.install(pair.out());
            EspEncoder encoder = new EspEncoder(tx);

            Callable<List<byte[]>> sender = () -> {
                List<byte[]> sent = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1000, i & 0xFFFF, i % 50);
                    byte[] out = new byte[inner.length + t.maxOverhead()];
                    EspResult.Processed p = (EspResult.Processed) encoder.encode(inner, 0, inner.length, out, 0);
                    sent.add(Arrays.copyOf(out, p.length()));
                }
                return sent;
            };
            Future<List<byte[]>> a = pool.submit(sender);
            Future<List<byte[]>> b = pool.submit(sender);
            List<byte[]> all = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
            all.addAll(b.get(60, TimeUnit.SECONDS));

            Set<Integer> sequences = new HashSet<>();
            all.forEach(p -> sequences.add(EspRoundTripTest.readInt(p, 4)));
            assertThat(sequences).as(t + ": unique").hasSize(2 * PER_THREAD);
            assertThat(pair.out().highestSequence()).isEqualTo(2 * PER_THREAD);

            all.sort(Comparator.comparingLong(p -> EspRoundTripTest.readInt(p, 4) & 0xFFFF_FFFFL));
            SaDatabase rx = new SaDatabase();
            rx.install(pair.in());
            EspDecoder decoder = new EspDecoder(rx);
            for (byte[] p : all) {
                assertThat(decoder.decode(p, 0, p.length, new byte[p.length], 0).isProcessed()).isTrue();
            }
            assertThat(pair.in().lifetime().packets()).isEqualTo(2 * PER_THREAD);
        }
    }

    @Test
    void twoThreadsDecodingTheSameStreamAcceptEachPacketExactlyOnce() throws Exception {
        EspTransform t = EspTransform.aesGcm16(256);
        Fixtures.Pair pair = Fixtures.pair(t, SPI, Clock.systemUTC(), LifetimeLimits.unlimited(), 1024);
        EspEncoder encoder = new EspEncoder(new SaDatabase());
        List<byte[]> stream = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
            byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1, 2, i % 40);
            byte[] out = new byte[inner.length + t.maxOverhead()];
            EspResult.Processed p = (EspResult.Processed) encoder.encode(pair.out(), inner, 0, inner.length, out, 0);
            stream.add(Arrays.copyOf(out, p.length()));
        }
        SaDatabase rx = new SaDatabase();
        rx.install(pair.in());
        EspDecoder decoder = new EspDecoder(rx);
        AtomicInteger accepted = new AtomicInteger();

        // Each thread replays the whole stream in order: whoever comes second must see a replay.
        Callable<Void> receiver = () -> {
            for (byte[] p : stream) {
                EspResult r = decoder.decode(p, 0, p.length, new byte[p.length], 0);
                if (r.isProcessed()) {
                    accepted.incrementAndGet();
                } else {
                    assertThat(((EspResult.Dropped) r).reason()).isEqualTo(DropReason.REPLAY);
                }
            }
            return null;
        };
        Future<Void> a = pool.submit(receiver);
        Future<Void> b = pool.submit(receiver);
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);

        assertThat(accepted.get()).isEqualTo(PER_THREAD);
        assertThat(pair.in().drops(DropReason.REPLAY)).isEqualTo(PER_THREAD);
    }
}

package io.portcullis.ike.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.exchange.Drop;
import io.portcullis.ike.exchange.IkeEvent;
import io.portcullis.ike.exchange.IkeEngine;
import io.portcullis.ike.exchange.ExchangeContext;
import io.portcullis.ike.exchange.IkeLimits;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.RevocationCheckingAuthenticator;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.revocation.LiveRevocationChecker;
import io.portcullis.ike.revocation.RevocationDecision;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peer checks of Main Mode message 5 run on the authentication pool, not on the receive path:
 * over real UDP sockets and a real HTTP OCSP endpoint that hangs for one peer, another peer's
 * handshake completes meanwhile; the hung peer's retransmitted message 5 is dropped while its
 * check runs, holds its half-open slot, and gets message 6 (and then the stored copy) once the
 * check ends.
 */
class DeferredAuthenticationTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<IkeEvent> events = new CopyOnWriteArrayList<>();
    private final List<RevocationDecision> decisions = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private HttpServer ocsp;
    private ExchangeContext ctx;
    private IkeEngine responder;
    private IkeTransport transport;

    @BeforeEach
    void open() throws Exception {
        ocsp = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        ocsp.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        ocsp.createContext("/slow", exchange -> {
            slowEntered.countDown();
            try {
                releaseSlow.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1); // no answer: soft checking accepts the peer
            exchange.close();
        });
        ocsp.createContext("/fast", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        ocsp.start();
        GatewayCredentials credentials = new GatewayCredentials(TestPki.gatewayKey(), List.of(TestPki.GATEWAY, TestPki.CA),
                IdentificationPayload.fqdn("gw.test"), List.of(new X500Principal(TestPki.CA.getSubjectX500Principal().getEncoded())));
        LiveRevocationChecker checker = new LiveRevocationChecker(Duration.ofSeconds(30), 65_536, 16, 4, new SecureRandom(),
                decisions::add);
        ctx = ExchangeContext.of(GatewayPolicy.strongDefaults(List.of(IpPrefix.parse("198.51.100.0/24"))),
                credentials, new RevocationCheckingAuthenticator(
                        new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), checker, false),
                PreSharedKeys.none(), Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new SecureRandom());
        start(1, 4, 16); // one lane: a check run on it would hold up every other peer
    }

    private void start(int shards, int authenticationThreads, int queue) throws IkeTransport.BindException {
        responder = new IkeEngine(ctx, IkeLimits.defaults(), shards, true);
        transport = IkeTransport.open(responder, new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, 0),
                new CountingEspHook(), events::add, workers(authenticationThreads, queue));
    }

    @AfterEach
    void close() {
        releaseSlow.countDown();
        transport.close();
        ocsp.stop(0);
    }

    @Test
    void slowOcspResponderDoesNotStallAnotherPeersHandshake() throws Exception {
        try (Peer slow = new Peer(21, "slow.test", "/slow"); Peer fast = new Peer(22, "fast.test", "/fast")) {
            slow.toMessage5();
            byte[] slowMessage5 = slow.initiator.message5().data(); // kept: a retransmission repeats the bytes
            send(slow.natt, marked(slowMessage5), transport.nattPort());
            assertThat(slowEntered.await(10, TimeUnit.SECONDS)).as("the slow peer's OCSP request arrived").isTrue();

            // The retransmitted message 5 is dropped while its check runs; the exchange keeps its half-open slot.
            send(slow.natt, marked(slowMessage5), transport.nattPort());
            waitFor(() -> responder.stats().drops(Drop.AUTHENTICATION_PENDING) == 1);
            assertThat(responder.halfOpenCount()).isEqualTo(1);

            // Another peer completes Main Mode while the first check still hangs.
            long started = System.nanoTime();
            fast.toMessage5();
            byte[] fastSix = exchange(fast.natt, marked(fast.initiator.message5().data()), transport.nattPort());
            fast.initiator.receive6(List.of(datagram(Arrays.copyOfRange(fastSix, 4, fastSix.length))));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(releaseSlow.getCount()).as("the slow check is still hanging").isEqualTo(1);
            waitFor(() -> established().equals(List.of("fast.test"))); // events follow the datagrams
            assertThatThrownBy(() -> receive(slow.natt, 200)).isInstanceOf(SocketTimeoutException.class);

            // Once its OCSP responder answers, the waiting peer gets its message 6 ...
            releaseSlow.countDown();
            byte[] slowSix = receive(slow.natt, 10_000);
            slow.initiator.receive6(List.of(datagram(Arrays.copyOfRange(slowSix, 4, slowSix.length))));
            waitFor(() -> established().size() == 2);
            assertThat(established()).containsExactlyInAnyOrder("fast.test", "slow.test");
            assertThat(responder.halfOpenCount()).isZero();
            // ... and a later retransmission of message 5 the stored copy, not a second check.
            assertThat(exchange(slow.natt, marked(slowMessage5), transport.nattPort())).isEqualTo(slowSix);
            assertThat(decisions).extracting(d -> d.subject()).containsExactlyInAnyOrder("CN=fast.test", "CN=slow.test");
        }
    }

    @Test
    void aFullAuthenticationQueueDropsTheNewMainModeAndFreesItsSlot() throws Exception {
        transport.close();
        start(1, 1, 1); // one check running, one waiting, nothing more
        try (Peer running = new Peer(31, "one.test", "/slow"); Peer queued = new Peer(32, "two.test", "/slow");
                Peer rejected = new Peer(33, "three.test", "/slow")) {
            running.toMessage5();
            send(running.natt, marked(running.initiator.message5().data()), transport.nattPort());
            assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
            queued.toMessage5();
            send(queued.natt, marked(queued.initiator.message5().data()), transport.nattPort());
            rejected.toMessage5();
            assertThat(responder.halfOpenCount()).isEqualTo(3);
            send(rejected.natt, marked(rejected.initiator.message5().data()), transport.nattPort());
            waitFor(() -> responder.stats().drops(Drop.AUTHENTICATION_OVERLOAD) == 1);
            assertThat(responder.halfOpenCount()).as("the rejected Main Mode gave its slot back").isEqualTo(2);
            releaseSlow.countDown();
            for (Peer done : List.of(running, queued)) {
                byte[] six = receive(done.natt, 10_000);
                done.initiator.receive6(List.of(datagram(Arrays.copyOfRange(six, 4, six.length))));
            }
            waitFor(() -> established().size() == 2);
            assertThat(established()).containsExactlyInAnyOrder("one.test", "two.test");
            assertThatThrownBy(() -> receive(rejected.natt, 300)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    private List<String> established() {
        return events.stream().filter(e -> e instanceof IkeEvent.IkeSaEstablished)
                .map(e -> io.portcullis.ike.exchange.auth.Identities.describe(((IkeEvent.IkeSaEstablished) e).peer().identity()))
                .toList();
    }

    /** A test initiator with its own two sockets and a certificate naming its OCSP path. */
    private final class Peer implements AutoCloseable {
        final IkeInitiator initiator;
        final DatagramChannel ike = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        final DatagramChannel natt = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));

        Peer(long seed, String name, String ocspPath) throws IOException {
            String url = "http://" + LOOPBACK.getHostAddress() + ":" + ocsp.getAddress().getPort() + ocspPath;
            initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), seed)
                    .withCertificate(TestPki.leaf("CN=" + name, name, "192.0.2.1").withOcsp(url).issue())
                    .withIdentity(IdentificationPayload.fqdn(name));
            ike.socket().setSoTimeout(5_000);
            natt.socket().setSoTimeout(5_000);
        }

        void toMessage5() throws Exception {
            initiator.receive2(datagram(exchange(ike, initiator.message1().data(), transport.ikePort())));
            initiator.receive4(datagram(exchange(ike, initiator.message3().data(), transport.ikePort())));
        }

        @Override
        public void close() throws IOException {
            ike.close();
            natt.close();
        }
    }

    static IkeSettings.Workers workers(int authentication, int queue) {
        return new IkeSettings.Workers() {
            @Override
            public int exchange() {
                return 0;
            }

            @Override
            public int authentication() {
                return authentication;
            }

            @Override
            public int authenticationQueue() {
                return queue;
            }
        };
    }

    private static Datagram datagram(byte[] data) {
        return new Datagram(data, IkeInitiator.RESPONDER, IkeInitiator.INITIATOR);
    }

    private static byte[] marked(byte[] isakmp) {
        byte[] out = new byte[4 + isakmp.length];
        System.arraycopy(isakmp, 0, out, 4, isakmp.length);
        return out;
    }

    private static void send(DatagramChannel channel, byte[] data, int port) throws IOException {
        channel.send(ByteBuffer.wrap(data), new InetSocketAddress(LOOPBACK, port));
    }

    private static byte[] exchange(DatagramChannel channel, byte[] data, int port) throws IOException {
        send(channel, data, port);
        return receive(channel, 10_000);
    }

    private static byte[] receive(DatagramChannel channel, int timeoutMillis) throws IOException {
        channel.socket().setSoTimeout(timeoutMillis);
        java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[65_535], 65_535);
        channel.socket().receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(20);
        }
    }
}

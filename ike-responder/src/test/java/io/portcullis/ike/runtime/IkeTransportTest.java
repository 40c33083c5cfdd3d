package io.portcullis.ike.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.exchange.IkeEvent;
import io.portcullis.ike.exchange.IkeEngine;
import io.portcullis.ike.exchange.ExchangeContext;
import io.portcullis.ike.exchange.IkeLimits;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP adapter over real loopback sockets: Main Mode on the IKE port, the float to NAT-T, and hostile datagrams. */
class IkeTransportTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<IkeEvent> events = new CopyOnWriteArrayList<>();
    private final CountingEspHook esp = new CountingEspHook();
    private IkeEngine responder;
    private IkeTransport transport;
    private DatagramChannel peerIke;
    private DatagramChannel peerNatt;

    @BeforeEach
    void open() throws Exception {
        GatewayCredentials credentials = new GatewayCredentials(TestPki.gatewayKey(), List.of(TestPki.GATEWAY, TestPki.CA),
                IdentificationPayload.fqdn("gw.test"), List.of(new X500Principal(TestPki.CA.getSubjectX500Principal().getEncoded())));
        ExchangeContext ctx = ExchangeContext.of(GatewayPolicy.strongDefaults(List.of(IpPrefix.parse("198.51.100.0/24"))),
                credentials, new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()), PreSharedKeys.none(),
                Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new SecureRandom());
        responder = new IkeEngine(ctx, IkeLimits.defaults());
        transport = IkeTransport.open(responder, new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, 0), esp,
                events::add);
        peerIke = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        peerNatt = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        peerIke.socket().setSoTimeout(5_000);
        peerNatt.socket().setSoTimeout(5_000);
    }

    @AfterEach
    void close() throws IOException {
        transport.close();
        peerIke.close();
        peerNatt.close();
    }

    @Test
    void mainModeOverUdpFloatsToTheNattPortBehindTheNonEspMarker() throws Exception {
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 11);
        initiator.receive2(datagram(exchange(peerIke, initiator.message1().data(), transport.ikePort())));
        initiator.receive4(datagram(exchange(peerIke, initiator.message3().data(), transport.ikePort())));
        byte[] six = exchange(peerNatt, marked(initiator.message5().data()), transport.nattPort());
        assertThat(Arrays.copyOf(six, 4)).as("non-ESP marker").containsExactly(0, 0, 0, 0);
        initiator.receive6(List.of(datagram(Arrays.copyOfRange(six, 4, six.length))));
        // The transport reports events just after sending the datagrams they belong to.
        waitFor(() -> events.stream().anyMatch(e -> e instanceof IkeEvent.IkeSaEstablished));
        InetSocketAddress floatedTo = (InetSocketAddress) peerNatt.getLocalAddress();
        assertThat(responder.ikeSas()).singleElement().satisfies(sa -> assertThat(sa.peerAddress()).isEqualTo(floatedTo));
        // A DELETE we start ourselves now leaves from the NAT-T port too, with the marker.
        assertThat(transport.nattPort()).isPositive();
        transport.dispatch(responder.deleteSa(responder.ikeSas().get(0).id()));
        byte[] delete = receive(peerNatt);
        assertThat(Arrays.copyOf(delete, 4)).containsExactly(0, 0, 0, 0);
        waitFor(() -> events.stream().anyMatch(e -> e instanceof IkeEvent.IkeSaDeleted));
    }

    @Test
    void nattPortIgnoresKeepalivesCountsUnknownEspAndSurvivesGarbageOnBothPorts() throws Exception {
        send(peerNatt, new byte[] {(byte) 0xFF}, transport.nattPort());
        send(peerNatt, new byte[] {0, 0, 0}, transport.nattPort());
        send(peerNatt, new byte[] {0, 0, 0, 0}, transport.nattPort());
        send(peerNatt, new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 9, 9, 9, 9}, transport.nattPort());
        send(peerIke, "not isakmp at all".getBytes(), transport.ikePort());
        send(peerNatt, marked(new byte[40]), transport.nattPort());
        waitFor(() -> transport.natKeepalives() == 1 && transport.malformedOnNattPort() == 2 && esp.unknownPackets() == 1);
        assertThatThrownBy(() -> receive(peerIke)).isInstanceOf(SocketTimeoutException.class);
        // The reader threads are still alive: a real message 1 is answered on both ports.
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 12);
        initiator.receive2(datagram(exchange(peerIke, initiator.message1().data(), transport.ikePort())));
        IkeInitiator second = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 13);
        byte[] reply = exchange(peerNatt, marked(second.message1().data()), transport.nattPort());
        second.receive2(datagram(Arrays.copyOfRange(reply, 4, reply.length)));
    }

    @Test
    void espIsHandedOverInTheReadersBufferWithTheBoundsOfEachDatagram() throws Exception {
        List<byte[]> seen = new CopyOnWriteArrayList<>();
        EspHook recording = new EspHook() {
            @Override
            public void received(byte[] packet, int off, int len, InetSocketAddress source) {
                seen.add(Arrays.copyOfRange(packet, off, off + len)); // valid only during the call: copied
            }

            @Override
            public void installed(io.portcullis.ike.exchange.ChildSaEstablished sa) {
            }

            @Override
            public void removed(IkeEvent.ChildSaDeleted sa) {
            }

            @Override
            public void adopted(IkeEvent.ChildSaAdopted sa) {
            }

            @Override
            public Traffic inbound(int inboundSpi) {
                return Traffic.NONE;
            }
        };
        try (IkeTransport other = IkeTransport.open(responder, new InetSocketAddress(LOOPBACK, 0),
                new InetSocketAddress(LOOPBACK, 0), recording, e -> { })) {
            byte[] large = new byte[1400];
            Arrays.fill(large, (byte) 0x77);
            byte[] small = {0, 0, 0x10, 1, 0, 0, 0, 2, 5, 6, 7, 8};
            send(peerNatt, large, other.nattPort());
            waitFor(() -> seen.size() == 1);
            send(peerNatt, small, other.nattPort());
            waitFor(() -> seen.size() == 2);
            // The second, shorter datagram arrives in the buffer the first filled: none of the first's tail shows.
            assertThat(seen.get(0)).isEqualTo(large);
            assertThat(seen.get(1)).isEqualTo(small);
        }
    }

    @Test
    void anOccupiedPortFailsWithTheOperatorsLineAndReleasesTheOtherSocket() throws Exception {
        try (DatagramChannel occupied = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            int busy = ((InetSocketAddress) occupied.getLocalAddress()).getPort();
            int free;
            try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
                free = ((InetSocketAddress) probe.getLocalAddress()).getPort();
            }
            assertThatThrownBy(() -> IkeTransport.open(responder, new InetSocketAddress(LOOPBACK, free),
                    new InetSocketAddress(LOOPBACK, busy), esp, e -> { }))
                    .isInstanceOf(IkeTransport.BindException.class)
                    .hasMessageContaining("already in use").hasMessageContaining("PORTCULLIS_IKE_NATT_PORT")
                    .hasMessageContaining("The rest of Portcullis keeps running");
            try (DatagramChannel again = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, free))) {
                assertThat(again.isOpen()).as("the IKE socket bound first was closed again").isTrue();
            }
        }
    }

    private static byte[] marked(byte[] isakmp) {
        byte[] out = new byte[isakmp.length + 4];
        System.arraycopy(isakmp, 0, out, 4, isakmp.length);
        return out;
    }

    private static Datagram datagram(byte[] bytes) {
        return new Datagram(bytes, IkeInitiator.RESPONDER, IkeInitiator.INITIATOR);
    }

    private static void send(DatagramChannel from, byte[] bytes, int port) throws IOException {
        from.send(ByteBuffer.wrap(bytes), new InetSocketAddress(LOOPBACK, port));
    }

    private static byte[] exchange(DatagramChannel from, byte[] bytes, int port) throws IOException {
        send(from, bytes, port);
        return receive(from);
    }

    private static byte[] receive(DatagramChannel channel) throws IOException {
        java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[65535], 65535);
        channel.socket().receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(20);
        }
    }

}

package io.portcullis.ike.runtime;

import io.portcullis.ike.esp.UdpEncapsulation;
import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.Datagram;
import io.portcullis.ike.exchange.IkeEvent;
import io.portcullis.ike.exchange.IkeEngine;
import io.portcullis.ike.exchange.PendingAuthentication;
import io.portcullis.ike.exchange.IkeOutput;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The UDP adapter around {@link IkeEngine}: port 500 carries bare ISAKMP; port 4500 carries
 * ISAKMP behind the non-ESP marker, NAT keepalives (ignored) and ESP-in-UDP (to the
 * {@link EspHook}), told apart by {@link UdpEncapsulation#classify}. What the engine answers
 * leaves from the socket its source port names, with the marker on 4500. With {@link IkeWorkers}
 * the receive threads only hand ISAKMP over: to the lane of the datagram's IKE SA shard, and
 * deferred peer checks to the authentication pool, whose answer is sent when the check ends.
 */
public final class IkeTransport implements AutoCloseable {

    private final IkeEngine engine;
    private final UdpSocket ike;
    private final UdpSocket natt;
    private final LocalAddresses locals;
    private final EspHook esp;
    private final Consumer<IkeEvent> events;
    private final LongAdder keepalives = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final IkeWorkers workers;

    private IkeTransport(IkeEngine engine, UdpSocket ike, UdpSocket natt, EspHook esp, Consumer<IkeEvent> events,
            IkeWorkers workers) {
        this.engine = engine;
        this.workers = workers;
        this.ike = ike;
        this.natt = natt;
        this.locals = new LocalAddresses(ike.localAddress().getAddress());
        this.esp = esp;
        this.events = events;
    }

    /** Binds both sockets (or neither) and starts their reader threads, which process what they read themselves. */
    public static IkeTransport open(IkeEngine engine, InetSocketAddress ikeAddress, InetSocketAddress nattAddress,
            EspHook esp, Consumer<IkeEvent> events) throws BindException {
        return openWith(engine, ikeAddress, nattAddress, esp, events, null);
    }

    /**
     * Binds both sockets (or neither) and starts their reader threads, which hand ISAKMP to
     * {@code workers} (one lane per shard of the engine); closing the transport stops them.
     */
    public static IkeTransport open(IkeEngine engine, InetSocketAddress ikeAddress, InetSocketAddress nattAddress,
            EspHook esp, Consumer<IkeEvent> events, IkeSettings.Workers workers) throws BindException {
        return openWith(engine, ikeAddress, nattAddress, esp, events, workers == null ? null
                : new IkeWorkers(engine.shards(), workers.authentication(), workers.authenticationQueue()));
    }

    private static IkeTransport openWith(IkeEngine engine, InetSocketAddress ikeAddress, InetSocketAddress nattAddress,
            EspHook esp, Consumer<IkeEvent> events, IkeWorkers workers) throws BindException {
        Objects.requireNonNull(engine, "engine");
        UdpSocket ike;
        UdpSocket natt;
        try {
            ike = bind(ikeAddress, "ike");
            try {
                natt = bind(nattAddress, "natt");
            } catch (BindException e) {
                ike.close();
                throw e;
            }
        } catch (BindException e) {
            if (workers != null) {
                workers.close();
            }
            throw e;
        }
        IkeTransport transport = new IkeTransport(engine, ike, natt, esp, events, workers);
        ike.start(transport::onIkePort);
        natt.start(transport::onNattPort);
        return transport;
    }

    private static UdpSocket bind(InetSocketAddress address, String name) throws BindException {
        try {
            return UdpSocket.bind(address, name);
        } catch (IOException e) {
            throw new BindException(BindFailure.describe(address, e), e);
        }
    }

    /** A socket could not be bound; the message is the operator's one line with the remedy. */
    public static final class BindException extends Exception {
        BindException(String message, IOException cause) {
            super(message, cause);
        }
    }

    public int ikePort() {
        return ike.port();
    }

    public int nattPort() {
        return natt.port();
    }

    public long natKeepalives() {
        return keepalives.sum();
    }

    public long malformedOnNattPort() {
        return malformed.sum();
    }

    private void onIkePort(byte[] buffer, int length, InetSocketAddress source, UdpSocket socket) {
        process(Arrays.copyOf(buffer, length), source, socket); // ISAKMP goes on to other threads: a copy of its own
    }

    private void onNattPort(byte[] buffer, int length, InetSocketAddress source, UdpSocket socket) {
        UdpEncapsulation.Demux demux = UdpEncapsulation.classify(buffer, 0, length);
        switch (demux.kind()) {
            case IKE -> process(Arrays.copyOfRange(buffer, demux.offset(), demux.offset() + demux.length()), source, socket);
            // ESP is decrypted on this thread before the next receive: straight from the socket's buffer.
            case ESP -> esp.received(buffer, demux.offset(), demux.length(), source);
            case NAT_KEEPALIVE -> keepalives.increment(); // RFC 3948 §2.3: only keeps the NAT mapping alive
            case MALFORMED -> malformed.increment();
        }
    }

    private void process(byte[] isakmp, InetSocketAddress source, UdpSocket socket) {
        Datagram in = new Datagram(isakmp, source, locals.localFor(source, socket.port()));
        if (workers == null) {
            handle(engine.process(in));
        } else {
            workers.onLane(engine.shardOf(isakmp), () -> handle(engine.process(in)));
        }
    }

    /** Sends and reports what the engine produced, and starts the peer checks it deferred. */
    private void handle(IkeOutput output) {
        dispatch(output);
        for (PendingAuthentication pending : output.pending()) {
            Runnable check = () -> handle(engine.resume(pending, engine.authenticate(pending)));
            if (workers == null) {
                check.run();
            } else if (!workers.authenticate(check)) {
                handle(engine.abandon(pending));
            }
        }
    }

    /** Datagrams dropped because their lane's queue was full (0 without workers). */
    public long laneOverflows() {
        return workers == null ? 0 : workers.laneOverflows();
    }

    /** Sends what the engine produced and hands its events on (the SA lifecycle to the ESP hook first). */
    public void dispatch(IkeOutput output) {
        for (Datagram out : output.datagrams()) {
            send(out);
        }
        for (IkeEvent event : output.events()) {
            if (event instanceof ChildSaEstablished established) {
                esp.installed(established);
            } else if (event instanceof IkeEvent.ChildSaDeleted deleted) {
                esp.removed(deleted);
            } else if (event instanceof IkeEvent.ChildSaAdopted adopted) {
                esp.adopted(adopted);
            }
            events.accept(event);
        }
    }

    /** Sends an ESP packet UDP-encapsulated (RFC 3948: no marker) from the NAT-T port; the data plane's sender. */
    public void sendEsp(byte[] packet, int off, int len, InetSocketAddress to) {
        natt.send(packet, off, len, to);
    }

    private void send(Datagram out) {
        byte[] isakmp = out.data();
        if (out.source().getPort() == natt.port()) {
            byte[] marked = new byte[UdpEncapsulation.NON_ESP_MARKER_LENGTH + isakmp.length];
            int at = UdpEncapsulation.writeNonEspMarker(marked, 0);
            System.arraycopy(isakmp, 0, marked, at, isakmp.length);
            natt.send(marked, out.destination());
        } else {
            ike.send(isakmp, out.destination());
        }
    }

    @Override
    public void close() {
        ike.close();
        natt.close();
        if (workers != null) {
            workers.close();
        }
    }
}

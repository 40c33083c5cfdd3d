package io.portcullis.ike.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * One bound UDP socket and the thread that reads it. Every datagram is handed to the {@link Receiver}
 * in the reader's own buffer, which the next receive overwrites: a receiver that keeps bytes copies them
 * (ISAKMP, handed to other threads), one that finishes with them during the call does not (ESP, decrypted
 * on this thread), so the ESP path neither copies nor allocates per datagram. A receiver that throws
 * costs that datagram only, never the loop. Closing the socket ends the thread.
 */
final class UdpSocket implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UdpSocket.class);
    /** The largest UDP payload over IPv4/IPv6 without jumbograms. */
    private static final int MAX_DATAGRAM = 65_535;

    @FunctionalInterface
    interface Receiver {
        /** {@code buffer[0..length)} is the datagram; valid only until this call returns. */
        void received(byte[] buffer, int length, InetSocketAddress source, UdpSocket socket);
    }

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final String name;
    private final LongAdder receiveErrors = new LongAdder();
    private final LongAdder sendErrors = new LongAdder();
    private Thread reader;

    private UdpSocket(DatagramChannel channel, InetSocketAddress local, String name) {
        this.channel = channel;
        this.local = local;
        this.name = name;
    }

    /** Binds; a failure (privilege, address in use) is thrown to the caller, which owns the message. */
    static UdpSocket bind(InetSocketAddress address, String name) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(address);
            return new UdpSocket(channel, (InetSocketAddress) channel.getLocalAddress(), name);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return local;
    }

    int port() {
        return local.getPort();
    }

    long receiveErrors() {
        return receiveErrors.sum();
    }

    long sendErrors() {
        return sendErrors.sum();
    }

    synchronized void start(Receiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        if (reader != null) {
            throw new IllegalStateException(name + " already started");
        }
        reader = new Thread(() -> readLoop(receiver), "ike-udp-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(Receiver receiver) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            InetSocketAddress source;
            try {
                buffer.clear();
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (ClosedChannelException closed) { // includes AsynchronousCloseException from close()
                return;
            } catch (IOException e) {
                // ICMP-induced errors (port unreachable) surface here on Linux; they end one receive only.
                receiveErrors.increment();
                LOG.debugf("%s: receive failed: %s", name, e.getMessage());
                continue;
            }
            int length = buffer.position();
            try {
                receiver.received(buffer.array(), length, source, this);
            } catch (RuntimeException e) {
                receiveErrors.increment();
                LOG.warnf(e, "%s: datagram of %d bytes from %s could not be processed", name, length, source);
            }
        }
    }

    /** Sends one datagram; failures are counted and logged at debug (UDP gives no delivery promise anyway). */
    void send(byte[] datagram, InetSocketAddress to) {
        send(datagram, 0, datagram.length, to);
    }

    /** Sends {@code datagram[off..off+len)}; safe to call while the reader thread receives. */
    void send(byte[] datagram, int off, int len, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(datagram, off, len), to);
        } catch (IOException e) {
            sendErrors.increment();
            LOG.debugf("%s: send of %d bytes to %s failed: %s", name, len, to, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debugf("%s: close failed: %s", name, e.getMessage());
        }
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + "@" + local;
    }
}

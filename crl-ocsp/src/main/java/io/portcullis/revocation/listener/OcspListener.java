package io.portcullis.revocation.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.portcullis.revocation.api.OcspExchange;
import io.portcullis.revocation.config.OcspConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts and stops the dedicated OCSP listener ({@code portcullis.ocsp.listener.*}): a Netty
 * server whose event loops accept connections themselves and answer pre-signed responses on the
 * spot; database reads and signatures go to a small worker pool of its own.
 *
 * <p>Why not a second Vert.x server: Vert.x accepts every connection on one acceptor thread and
 * hands it to an event loop, a thread wake-up per connection. OCSP clients open a connection per
 * request, so that hand-off is a large part of each exchange (docs/benchmarks.md, accept-path probe).
 */
@ApplicationScoped
public class OcspListener {

    private static final Logger LOG = Logger.getLogger(OcspListener.class);
    /** Longest request head apart from the request line: OCSP clients send a handful of headers. */
    private static final int MAX_HEADER_BYTES = 8192;

    private final OcspExchange exchange;
    private final OcspConfig.Listener config;
    private EventLoopGroup loops;
    private ThreadPoolExecutor workers;
    private Channel server;

    public OcspListener(OcspExchange exchange, OcspConfig config) {
        this.exchange = exchange;
        this.config = config.listener();
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        if (config.port().isEmpty()) {
            return;
        }
        int port = config.port().get();
        if (port < 0 || port > 65535) {
            throw new IllegalStateException("portcullis.ocsp.listener.port must be 0-65535, not " + port);
        }
        int ioThreads = config.ioThreads().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        if (ioThreads < 1 || ioThreads > 64) {
            throw new IllegalStateException("portcullis.ocsp.listener.io-threads must be 1-64, not " + ioThreads);
        }
        workers = new ThreadPoolExecutor(config.workers(), config.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.workQueue()), new DefaultThreadFactory("ocsp-worker", true));
        workers.allowCoreThreadTimeOut(true);
        boolean epoll = Epoll.isAvailable();
        boolean deferAccept = epoll && config.deferAccept();
        loops = epoll ? new EpollEventLoopGroup(ioThreads, new DefaultThreadFactory("ocsp-io", true))
                : new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("ocsp-io", true));
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        int maxInitialLine = exchange.maxGetChars() + 64; // "GET /ocsp/" + the largest request + " HTTP/1.1"
        long idleSeconds = Math.max(1, config.idleTimeout().toSeconds());
        try {
            // One group as both parent and child: the loop that accepts a connection serves it.
            ServerBootstrap bootstrap = new ServerBootstrap().group(loops, loops).channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024);
            if (deferAccept) {
                // Wait at most one second for a connection's first bytes (docs/benchmarks.md, OCSP listener).
                bootstrap.option(EpollChannelOption.TCP_DEFER_ACCEPT, 1);
            }
            server = bootstrap
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel connection) {
                            connection.pipeline().addLast(
                                    new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS),
                                    new HttpServerCodec(maxInitialLine, MAX_HEADER_BYTES, 8192),
                                    new OcspConnection(exchange, workers));
                        }
                    })
                    .bind(config.host(), port).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            stopQuietly();
            throw new IllegalStateException("the OCSP listener cannot listen on " + config.host() + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.infof("OCSP listener on %s:%d (%d event loop%s, %s, %d workers)", config.host(), boundPort().getAsInt(), ioThreads,
                ioThreads == 1 ? "" : "s", deferAccept ? "epoll, deferred accept" : epoll ? "epoll" : "NIO", config.workers());
    }

    /** The port bound, when the listener runs (the chosen one when configured as 0). */
    public OptionalInt boundPort() {
        Channel current = server;
        return current == null ? OptionalInt.empty() : OptionalInt.of(((InetSocketAddress) current.localAddress()).getPort());
    }

    void stop(@Observes ShutdownEvent event) {
        stopQuietly();
    }

    private void stopQuietly() {
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            server = null;
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            loops = null;
        }
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }
}

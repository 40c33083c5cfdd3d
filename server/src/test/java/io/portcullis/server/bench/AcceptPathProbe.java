package io.portcullis.server.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark probe, not part of the product: the least work a JVM HTTP server can do per request on
 * this machine. It answers every request with the same bytes (a stored OCSP response), on one
 * epoll event loop, with nothing else in the pipeline than Netty's HTTP codec. Run beside the real
 * responder by {@code bin/bench-revocation ocsp}, it shows how much of the OCSP figures without
 * keep-alive is the TCP connection and the server's accept path rather than the OCSP work.
 *
 * <p>Two accept paths, because they differ measurably when every request is a new connection:
 * {@code separate} accepts on a thread of its own and hands each connection to the event loop, as
 * Vert.x (and so Quarkus) always does; {@code event-loop} accepts on the event loop itself, which
 * saves a thread wake-up per connection.
 *
 * <pre>java -cp "server/target/quarkus-app/lib/main/*" AcceptPathProbe.java PORT RESPONSE-FILE separate|event-loop</pre>
 */
public final class AcceptPathProbe {

    private AcceptPathProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[2].equals("separate") || args[2].equals("event-loop"))) {
            System.err.println("usage: AcceptPathProbe PORT RESPONSE-FILE separate|event-loop");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] answer = Files.readAllBytes(Path.of(args[1]));
        EventLoopGroup loop = new EpollEventLoopGroup(1);
        EventLoopGroup acceptor = args[2].equals("separate") ? new EpollEventLoopGroup(1) : loop;
        new ServerBootstrap()
                .group(acceptor, loop)
                .channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new FixedAnswer(answer));
                    }
                })
                .bind("127.0.0.1", port).sync();
        System.out.println("listening on 127.0.0.1:" + port + ", accept path " + args[2]);
        Thread.currentThread().join();
    }

    private static final class FixedAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final byte[] answer;

        FixedAnswer(byte[] answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(answer));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/ocsp-response")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.length);
            if (HttpUtil.isKeepAlive(request)) {
                context.writeAndFlush(response);
            } else {
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}

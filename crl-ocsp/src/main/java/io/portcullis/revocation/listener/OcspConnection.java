package io.portcullis.revocation.listener;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.portcullis.revocation.api.OcspExchange;
import io.portcullis.revocation.api.OcspExchange.Step;
import io.portcullis.revocation.api.OcspRequestBody;
import io.portcullis.revocation.ocsp.OcspAnswer;
import io.portcullis.revocation.ocsp.OcspStatus;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One HTTP/1.1 connection of the dedicated OCSP listener. It serves {@code POST} of an
 * {@code application/ocsp-request} body to {@code /}, {@code /ocsp} or {@code /ocsp/}, and
 * {@code GET /ocsp/{base64 request}} (or {@code /{base64}}, as a certificate whose OCSP URL is the
 * bare host would have clients send). Anything else is an HTTP error with a problem+json body,
 * after which the connection is closed.
 *
 * <p>Answers leave in the order the requests came (HTTP pipelining), though an answer that needs a
 * worker may finish after a pre-signed one behind it: each request takes a {@link Reply} slot at
 * the tail, and slots are written from the head as they fill. Past {@link #MAX_PIPELINED} open
 * slots the connection stops reading until some are written. All state here is touched on the
 * connection's event loop only.
 */
final class OcspConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(OcspConnection.class);
    static final int MAX_PIPELINED = 16;

    private final OcspExchange exchange;
    private final Executor workers;
    private final ArrayDeque<Reply> replies = new ArrayDeque<>();
    /** The request whose body is arriving, or null (between requests, or discarding after an HTTP error). */
    private Incoming incoming;

    OcspConnection(OcspExchange exchange, Executor workers) {
        this.exchange = exchange;
        this.workers = workers;
    }

    /** A request being received: its target, and for POST its body so far. */
    private record Incoming(boolean keepAlive, boolean http10, OcspRequestBody body, byte[] getDer, boolean isGet) {
    }

    /** A place in the line of answers; {@code response} is null until the answer is known. */
    private static final class Reply {
        FullHttpResponse response;
        After after;
    }

    /** What becomes of the connection once a response is written. */
    private enum After {
        KEEP_OPEN,
        /** The request was read whole: nothing is lost by closing at once. */
        CLOSE,
        /**
         * Refused before the client finished sending: stop writing, discard what still arrives, close
         * when the client does or after {@link #DRAIN_SECONDS}. Closing at once would make the kernel
         * answer the unread bytes with a reset, which destroys the response before the client reads it.
         */
        DRAIN_THEN_CLOSE
    }

    private static final int DRAIN_SECONDS = 2;
    private boolean draining;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (draining) {
                return;
            }
            if (message instanceof HttpRequest head) {
                onHead(ctx, head);
            }
            if (message instanceof HttpContent content) {
                onContent(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest head) {
        incoming = null;
        if (head.decoderResult().isFailure()) {
            Throwable cause = head.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                refuse(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "the request line is too long");
            } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                refuse(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "the request headers are too large");
            } else {
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, "bad-request", "not an HTTP/1.x request: " + cause.getMessage());
            }
            return;
        }
        String path = pathOf(head.uri());
        boolean postTarget = path.equals("/") || path.equals("/ocsp") || path.equals("/ocsp/");
        String getSegment = postTarget || !path.startsWith("/") ? "" : path.substring(path.startsWith("/ocsp/") ? "/ocsp/".length() : 1);
        boolean keepAlive = HttpUtil.isKeepAlive(head);
        boolean http10 = head.protocolVersion().equals(HttpVersion.HTTP_1_0);
        HttpMethod method = head.method();
        if (method.equals(HttpMethod.POST) && postTarget) {
            String length = head.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            if (!OcspExchange.isOcspRequest(head.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
                refuse(ctx, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "POST takes an " + OcspExchange.OCSP_REQUEST + " body (RFC 6960 appendix A.1)");
            } else if (length != null && exchange.declaredTooLong(length)) {
                tooLarge(ctx);
            } else {
                if (HttpUtil.is100ContinueExpected(head) && replies.isEmpty()) {
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
                }
                incoming = new Incoming(keepAlive, http10, exchange.newBody(), null, false);
            }
        } else if (method.equals(HttpMethod.GET) && !getSegment.isEmpty()) {
            incoming = new Incoming(keepAlive, http10, exchange.newBody(), exchange.decodeGet(getSegment), true);
        } else if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.POST)) {
            refuse(ctx, HttpResponseStatus.NOT_FOUND, "not-found",
                    "not an OCSP request: POST one to / or /ocsp, or GET /ocsp/{base64 request}");
        } else {
            FullHttpResponse response = Replies.problem(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    method + " is not an OCSP request method");
            response.headers().set(HttpHeaderNames.ALLOW, "GET, POST");
            queue(ctx, response);
        }
    }

    /** The path of an origin-form ({@code /ocsp?x}) or absolute-form ({@code http://host/ocsp}) request target. */
    static String pathOf(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme > 0 && path.indexOf('/') > scheme) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        Incoming current = incoming;
        if (current == null) {
            return;
        }
        if (!current.body().add(content.content().nioBuffer())) {
            incoming = null;
            tooLarge(ctx);
            return;
        }
        if (content instanceof LastHttpContent) {
            incoming = null;
            answer(ctx, current);
        }
    }

    private void answer(ChannelHandlerContext ctx, Incoming request) {
        Reply reply = take(ctx);
        boolean cacheable = request.isGet();
        Step step = exchange.begin(request.isGet() ? request.getDer() : request.body().request());
        if (step.ready() != null) {
            fill(ctx, reply, response(request, step.ready(), cacheable), afterAnswer(request));
            return;
        }
        try {
            workers.execute(() -> {
                FullHttpResponse response = response(request, exchange.answerBlocking(step.pending()), cacheable);
                try {
                    ctx.executor().execute(() -> fill(ctx, reply, response, afterAnswer(request)));
                } catch (RejectedExecutionException stopping) {
                    LOG.debug("OCSP answer dropped: the listener is stopping");
                }
            });
        } catch (RejectedExecutionException e) {
            fill(ctx, reply, response(request, OcspAnswer.error(OcspStatus.TRY_LATER), false), afterAnswer(request));
        }
    }

    private static After afterAnswer(Incoming request) {
        return request.keepAlive() ? After.KEEP_OPEN : After.CLOSE;
    }

    private FullHttpResponse response(Incoming request, OcspAnswer answer, boolean cacheable) {
        FullHttpResponse response = Replies.ocsp(exchange, answer, cacheable);
        if (request.http10() && request.keepAlive()) {
            response.headers().set(HttpHeaderNames.CONNECTION, "keep-alive");
        }
        return response;
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        // The rest of the body is not read; the connection cannot be reused.
        refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                "the body is larger than " + exchange.maxBodyBytes() + " bytes");
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String slug, String detail) {
        queue(ctx, Replies.problem(status, slug, detail));
    }

    private void queue(ChannelHandlerContext ctx, FullHttpResponse response) {
        fill(ctx, take(ctx), response, After.DRAIN_THEN_CLOSE);
    }

    private Reply take(ChannelHandlerContext ctx) {
        Reply reply = new Reply();
        replies.addLast(reply);
        if (replies.size() >= MAX_PIPELINED) {
            ctx.channel().config().setAutoRead(false);
        }
        return reply;
    }

    private void fill(ChannelHandlerContext ctx, Reply reply, FullHttpResponse response, After after) {
        reply.response = response;
        reply.after = after;
        boolean wrote = false;
        while (!replies.isEmpty() && replies.peekFirst().response != null) {
            Reply next = replies.pollFirst();
            wrote = true;
            if (next.after != After.KEEP_OPEN) {
                finish(ctx, next);
                return;
            }
            ctx.write(next.response);
        }
        if (wrote) {
            ctx.flush();
        }
        if (!ctx.channel().config().isAutoRead() && replies.size() < MAX_PIPELINED) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Writes the last response of the connection, then closes it (at once, or after draining). */
    private void finish(ChannelHandlerContext ctx, Reply last) {
        last.response.headers().set(HttpHeaderNames.CONNECTION, "close");
        replies.clear();
        incoming = null;
        draining = true;
        ChannelFuture written = ctx.writeAndFlush(last.response);
        if (last.after == After.CLOSE || !(ctx.channel() instanceof DuplexChannel duplex)) {
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        written.addListener(done -> duplex.shutdownOutput());
        ctx.channel().config().setAutoRead(true);
        ctx.executor().schedule(() -> ctx.close(), DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        replies.clear();
        incoming = null;
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf("OCSP listener connection from %s failed: %s", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}

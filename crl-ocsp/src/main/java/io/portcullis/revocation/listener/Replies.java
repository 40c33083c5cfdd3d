package io.portcullis.revocation.listener;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.portcullis.ca.api.Problem;
import io.portcullis.revocation.api.OcspExchange;
import io.portcullis.revocation.ocsp.OcspAnswer;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;

/** The listener's HTTP responses: an OCSP answer, or an RFC 9457 problem for what is not OCSP at all. */
final class Replies {

    private Replies() {
    }

    static FullHttpResponse ocsp(OcspExchange exchange, OcspAnswer answer, boolean httpCacheable) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(answer.der()));
        exchange.headers(answer, httpCacheable, response.headers()::set);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.der().length);
        return response;
    }

    static FullHttpResponse problem(HttpResponseStatus status, String slug, String detail) {
        byte[] body = Json.encode(Problem.of(slug, status.reasonPhrase(), status.code(), detail, "/ocsp")).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE).setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}

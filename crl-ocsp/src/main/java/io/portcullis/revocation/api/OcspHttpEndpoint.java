package io.portcullis.revocation.api;

import io.portcullis.ca.api.Problem;
import io.portcullis.revocation.api.OcspExchange.Step;
import io.portcullis.revocation.ocsp.OcspAnswer;
import io.portcullis.revocation.ocsp.OcspStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The OCSP responder on the main HTTP port: {@code POST /ocsp} with an
 * {@code application/ocsp-request} body, and {@code GET /ocsp/{base64 request}} (RFC 6960
 * appendix A.1), which HTTP caches may keep until nextUpdate (RFC 5019 6). The dedicated
 * listener ({@code io.portcullis.revocation.listener}) answers the same way on a port of its own.
 *
 * <p>A plain Vert.x route rather than a JAX-RS resource: OCSP clients rarely keep connections
 * open, so each answer is a whole connection, and the per-request work of the REST layer
 * (routing, content negotiation, security interceptors, reactive wrapping) was a measurable part
 * of it. Cache hits are answered on the I/O thread; anything that needs the database or a
 * signature continues on a worker thread. Every failure becomes an OCSP error response, never an
 * HTTP 500; only what is not an OCSP request at all gets an HTTP error (415, 413).
 */
@ApplicationScoped
public class OcspHttpEndpoint {

    /** Before the REST layer's catch-all route, so the REST layer never sees these paths. */
    private static final int ROUTE_ORDER = -100;

    private static final Logger LOG = Logger.getLogger(OcspHttpEndpoint.class);

    private final OcspExchange exchange;

    public OcspHttpEndpoint(OcspExchange exchange) {
        this.exchange = exchange;
    }

    void register(@Observes Router router) {
        router.post("/ocsp").order(ROUTE_ORDER).handler(this::post);
        router.post("/ocsp/").order(ROUTE_ORDER).handler(this::post);
        router.getWithRegex("/ocsp/(.+)").order(ROUTE_ORDER).handler(this::get);
    }

    private void post(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!OcspExchange.isOcspRequest(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            problem(context, 415, "unsupported-media-type", "Unsupported Media Type",
                    "POST /ocsp takes an " + OcspExchange.OCSP_REQUEST + " body (RFC 6960 appendix A.1)");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exchange.declaredTooLong(declared)) {
            tooLarge(context);
            return;
        }
        OcspRequestBody body = exchange.newBody();
        request.handler(chunk -> {
            if (!context.response().ended() && !body.add(chunk.getByteBuf().nioBuffer())) {
                tooLarge(context);
            }
        });
        request.endHandler(ignored -> {
            if (!context.response().ended()) {
                respond(context, body.request(), false);
            }
        });
        request.exceptionHandler(failure -> LOG.debugf("OCSP request body failed: %s", failure.getMessage()));
    }

    private void get(RoutingContext context) {
        respond(context, exchange.decodeGet(context.pathParam("param0")), true);
    }

    private void respond(RoutingContext context, byte[] der, boolean httpCacheable) {
        Step step = exchange.begin(der);
        if (step.ready() != null) {
            send(context, step.ready(), httpCacheable);
            return;
        }
        context.vertx().<OcspAnswer>executeBlocking(() -> exchange.answerBlocking(step.pending()), false)
                .onComplete(done -> send(context, done.succeeded() ? done.result() : OcspAnswer.error(OcspStatus.INTERNAL_ERROR),
                        httpCacheable));
    }

    private void send(RoutingContext context, OcspAnswer answer, boolean httpCacheable) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        exchange.headers(answer, httpCacheable, response::putHeader);
        response.end(Buffer.buffer(answer.der()));
    }

    private void tooLarge(RoutingContext context) {
        problem(context, 413, "payload-too-large", "Payload Too Large", "the body is larger than " + exchange.maxBodyBytes() + " bytes");
    }

    private static void problem(RoutingContext context, int status, String slug, String title, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413) {
            // The rest of an oversized body is not read; the connection cannot be reused.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Json.encode(Problem.of(slug, title, status, detail, "/ocsp")));
    }
}

package io.portcullis.revocation.api;

import io.portcullis.ca.api.Problem;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.revocation.config.OcspConfig;
import io.portcullis.revocation.ocsp.OcspAnswer;
import io.portcullis.revocation.ocsp.OcspResponder;
import io.portcullis.revocation.ocsp.OcspResponder.Parsed;
import io.portcullis.revocation.ocsp.OcspStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The OCSP responder at the AIA URL of issued certificates: {@code POST /ocsp} with an
 * {@code application/ocsp-request} body, and {@code GET /ocsp/{base64 request}} (RFC 6960
 * appendix A.1), which HTTP caches may keep until nextUpdate (RFC 5019 6).
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

    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";
    /** Before the REST layer's catch-all route, so the REST layer never sees these paths. */
    private static final int ROUTE_ORDER = -100;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Logger LOG = Logger.getLogger(OcspHttpEndpoint.class);

    private final OcspResponder responder;
    private final Clock clock;
    private final Duration httpMaxAge;
    private final int maxGetChars;
    private final long maxBodyBytes;
    private final int maxRequestBytes;

    public OcspHttpEndpoint(OcspResponder responder, Clock clock, OcspConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize httpBodyLimit) {
        this.responder = responder;
        this.clock = clock;
        this.httpMaxAge = config.httpMaxAge();
        this.maxGetChars = (config.maxRequestBytes() + 2) / 3 * 4 * 3; // base64, then %-encoding at worst
        this.maxBodyBytes = httpBodyLimit.asLongValue();
        this.maxRequestBytes = config.maxRequestBytes();
    }

    void register(@Observes Router router) {
        router.post("/ocsp").order(ROUTE_ORDER).handler(this::post);
        router.post("/ocsp/").order(ROUTE_ORDER).handler(this::post);
        router.getWithRegex("/ocsp/(.+)").order(ROUTE_ORDER).handler(this::get);
    }

    private void post(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!isOcspRequest(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            problem(context, 415, "unsupported-media-type", "Unsupported Media Type",
                    "POST /ocsp takes an " + OCSP_REQUEST + " body (RFC 6960 appendix A.1)");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredTooLong(declared)) {
            problem(context, 413, "payload-too-large", "Payload Too Large", "the body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        // Keep at most one byte more than an OCSP request may have (enough to call it malformed);
        // count the rest only to enforce the HTTP limit.
        Buffer body = Buffer.buffer();
        long[] received = {0};
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                problem(context, 413, "payload-too-large", "Payload Too Large", "the body is larger than " + maxBodyBytes + " bytes");
                return;
            }
            if (body.length() <= maxRequestBytes) {
                body.appendBuffer(chunk, 0, Math.min(chunk.length(), maxRequestBytes + 1 - body.length()));
            }
        });
        request.endHandler(ignored -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() > maxRequestBytes) {
                send(context, OcspAnswer.error(OcspStatus.MALFORMED_REQUEST), false);
            } else {
                respond(context, body.getBytes(), false);
            }
        });
        request.exceptionHandler(failure -> LOG.debugf("OCSP request body failed: %s", failure.getMessage()));
    }

    private boolean declaredTooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length before we get here
        }
    }

    private void get(RoutingContext context) {
        String raw = context.pathParam("param0");
        if (raw == null || raw.length() > maxGetChars) {
            send(context, OcspAnswer.error(OcspStatus.MALFORMED_REQUEST), false);
            return;
        }
        String encoded;
        try {
            encoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            send(context, OcspAnswer.error(OcspStatus.MALFORMED_REQUEST), false);
            return;
        }
        respond(context, decodeBase64(encoded), true);
    }

    private void respond(RoutingContext context, byte[] der, boolean httpCacheable) {
        if (der == null) {
            send(context, OcspAnswer.error(OcspStatus.MALFORMED_REQUEST), false);
            return;
        }
        Parsed parsed = responder.parse(der);
        if (parsed.refusal() != null) {
            send(context, parsed.refusal(), false);
            return;
        }
        var hit = responder.fromCache(parsed.request());
        if (hit.isPresent()) {
            send(context, hit.get(), httpCacheable);
            return;
        }
        context.vertx().<OcspAnswer>executeBlocking(() -> answerSafely(parsed), false)
                .onComplete(done -> send(context, done.succeeded() ? done.result() : OcspAnswer.error(OcspStatus.INTERNAL_ERROR),
                        httpCacheable));
    }

    private OcspAnswer answerSafely(Parsed parsed) {
        try {
            return responder.answer(parsed.request());
        } catch (PortcullisException e) {
            if (e.kind() == ProblemKind.UNAVAILABLE) {
                return OcspAnswer.error(OcspStatus.TRY_LATER);
            }
            LOG.errorf(e, "OCSP request failed");
            return OcspAnswer.error(OcspStatus.INTERNAL_ERROR);
        } catch (RuntimeException e) {
            LOG.errorf(e, "OCSP request failed");
            return OcspAnswer.error(OcspStatus.INTERNAL_ERROR);
        }
    }

    private void send(RoutingContext context, OcspAnswer answer, boolean httpCacheable) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, OCSP_RESPONSE);
        if (httpCacheable && answer.caching().isPresent()) {
            OcspAnswer.Caching caching = answer.caching().get();
            long untilNext = Math.max(0, Duration.between(clock.instant(), caching.nextUpdate()).getSeconds());
            long maxAge = Math.min(untilNext, httpMaxAge.getSeconds());
            response.putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge + ", no-transform, must-revalidate")
                    .putHeader(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(caching.producedAt()))
                    .putHeader(HttpHeaders.EXPIRES, HTTP_DATE.format(caching.nextUpdate()))
                    .putHeader(HttpHeaders.ETAG, caching.etag());
        } else {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        response.end(Buffer.buffer(answer.der()));
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

    static boolean isOcspRequest(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return type.equalsIgnoreCase(OCSP_REQUEST);
    }

    /**
     * The GET form is the base64 DER, URL-encoded. Some clients send the URL-safe alphabet or drop
     * the padding; both are accepted.
     */
    static byte[] decodeBase64(String text) {
        String normalized = text.strip().replace('-', '+').replace('_', '/');
        int remainder = normalized.length() % 4;
        if (remainder == 1) {
            return null;
        }
        if (remainder > 0) {
            normalized = normalized + "==".substring(0, 4 - remainder);
        }
        try {
            return Base64.getDecoder().decode(normalized);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

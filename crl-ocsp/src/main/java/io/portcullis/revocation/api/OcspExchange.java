package io.portcullis.revocation.api;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.revocation.config.OcspConfig;
import io.portcullis.revocation.ocsp.DecodedOcspRequest;
import io.portcullis.revocation.ocsp.OcspAnswer;
import io.portcullis.revocation.ocsp.OcspResponder;
import io.portcullis.revocation.ocsp.OcspResponder.Parsed;
import io.portcullis.revocation.ocsp.OcspStatus;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What every HTTP front end of the OCSP responder does the same way (the {@code /ocsp} route of
 * the main server and the dedicated listener): the RFC 6960 appendix A.1 request forms, the body
 * limits, the split between answers ready at once and answers that need a worker thread, and the
 * HTTP caching headers of RFC 5019 6.
 */
@ApplicationScoped
public class OcspExchange {

    public static final String OCSP_REQUEST = "application/ocsp-request";
    public static final String OCSP_RESPONSE = "application/ocsp-response";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(OcspExchange.class);

    private final OcspResponder responder;
    private final Clock clock;
    private final Duration httpMaxAge;
    private final int maxGetChars;
    private final long maxBodyBytes;
    private final int maxRequestBytes;

    public OcspExchange(OcspResponder responder, Clock clock, OcspConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize httpBodyLimit) {
        this.responder = responder;
        this.clock = clock;
        this.httpMaxAge = config.httpMaxAge();
        this.maxGetChars = (config.maxRequestBytes() + 2) / 3 * 4 * 3; // base64, then %-encoding at worst
        this.maxBodyBytes = httpBodyLimit.asLongValue();
        this.maxRequestBytes = config.maxRequestBytes();
    }

    /**
     * The first step with a request's DER ({@code null} when the HTTP layer already found it
     * malformed): either the answer to send now (malformed, refused, or pre-signed in the cache,
     * all without blocking) or the decoded request for {@link #answerBlocking} on a worker thread.
     */
    public Step begin(byte[] der) {
        if (der == null) {
            return Step.ready(OcspAnswer.error(OcspStatus.MALFORMED_REQUEST));
        }
        Parsed parsed = responder.parse(der);
        if (parsed.refusal() != null) {
            return Step.ready(parsed.refusal());
        }
        return responder.fromCache(parsed.request()).map(Step::ready).orElseGet(() -> new Step(null, parsed.request()));
    }

    /** Reads the database and signs; every failure becomes an OCSP error response. */
    public OcspAnswer answerBlocking(DecodedOcspRequest request) {
        try {
            return responder.answer(request);
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

    /** Either {@code ready} to send, or a {@code pending} request for a worker thread. */
    public record Step(OcspAnswer ready, DecodedOcspRequest pending) {
        static Step ready(OcspAnswer answer) {
            return new Step(answer, null);
        }
    }

    /**
     * The response headers besides Content-Length. GET answers (which HTTP caches may keep) carry
     * Cache-Control max-age up to nextUpdate, capped by {@code portcullis.ocsp.http-max-age};
     * POST answers and error responses are {@code no-store}.
     */
    public void headers(OcspAnswer answer, boolean httpCacheable, BiConsumer<String, String> header) {
        header.accept("Content-Type", OCSP_RESPONSE);
        if (httpCacheable && answer.caching().isPresent()) {
            OcspAnswer.Caching caching = answer.caching().get();
            long untilNext = Math.max(0, Duration.between(clock.instant(), caching.nextUpdate()).getSeconds());
            long maxAge = Math.min(untilNext, httpMaxAge.getSeconds());
            header.accept("Cache-Control", "public, max-age=" + maxAge + ", no-transform, must-revalidate");
            header.accept("Last-Modified", HTTP_DATE.format(caching.producedAt()));
            header.accept("Expires", HTTP_DATE.format(caching.nextUpdate()));
            header.accept("ETag", caching.etag());
        } else {
            header.accept("Cache-Control", "no-store");
        }
    }

    /** A new body, held to this responder's limits. */
    public OcspRequestBody newBody() {
        return new OcspRequestBody(maxRequestBytes, maxBodyBytes);
    }

    /** Whether a declared Content-Length is over the HTTP body limit (a malformed one is left to the HTTP layer). */
    public boolean declaredTooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Longest {@code {base64 request}} path segment of a GET that can hold a request within the limit. */
    public int maxGetChars() {
        return maxGetChars;
    }

    /** The DER of a GET request's path segment (URL-encoded base64), or {@code null} if it is not one. */
    public byte[] decodeGet(String rawSegment) {
        if (rawSegment == null || rawSegment.isEmpty() || rawSegment.length() > maxGetChars) {
            return null;
        }
        try {
            return decodeBase64(URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean isOcspRequest(String contentType) {
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

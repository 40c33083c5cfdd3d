package io.portcullis.revocation.api;

import io.portcullis.revocation.config.OcspConfig;
import io.portcullis.revocation.ocsp.OcspAnswer;
import io.portcullis.revocation.ocsp.OcspResponder;
import io.portcullis.revocation.ocsp.OcspStatus;
import io.portcullis.revocation.ocsp.OcspResponder.Parsed;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.jboss.logging.Logger;

/**
 * The OCSP responder at the AIA URL of issued certificates: {@code POST /ocsp} with an
 * {@code application/ocsp-request} body, and {@code GET /ocsp/{base64 request}} (RFC 6960
 * appendix A.1), which HTTP caches may keep until nextUpdate (RFC 5019 6).
 *
 * <p>Translation only: cache hits are answered on the I/O thread; anything that needs the
 * database or a signature continues on a worker thread. Every failure becomes an OCSP error
 * response, never an HTTP 500.
 */
@Path("/ocsp")
@PermitAll
public class OcspResource {

    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";

    private static final Logger LOG = Logger.getLogger(OcspResource.class);

    private final OcspResponder responder;
    private final Clock clock;
    private final Duration httpMaxAge;
    private final int maxGetChars;

    public OcspResource(OcspResponder responder, Clock clock, OcspConfig config) {
        this.responder = responder;
        this.clock = clock;
        this.httpMaxAge = config.httpMaxAge();
        this.maxGetChars = (config.maxRequestBytes() + 2) / 3 * 4 * 3; // base64, then %-encoding at worst
    }

    @POST
    @Consumes(OCSP_REQUEST)
    @Produces(OCSP_RESPONSE)
    public Uni<Response> post(byte[] body) {
        return respond(body, false);
    }

    @GET
    @Path("/{request: .+}")
    @Produces(OCSP_RESPONSE)
    public Uni<Response> get(@PathParam("request") String encoded) {
        if (encoded.length() > maxGetChars) {
            return Uni.createFrom().item(send(OcspAnswer.error(OcspStatus.MALFORMED_REQUEST), false));
        }
        return respond(decodeBase64(encoded), true);
    }

    private Uni<Response> respond(byte[] der, boolean httpCacheable) {
        if (der == null) {
            return Uni.createFrom().item(send(OcspAnswer.error(OcspStatus.MALFORMED_REQUEST), false));
        }
        Parsed parsed = responder.parse(der);
        if (parsed.refusal() != null) {
            return Uni.createFrom().item(send(parsed.refusal(), false));
        }
        return responder.fromCache(parsed.request())
                .map(hit -> Uni.createFrom().item(send(hit, httpCacheable)))
                .orElseGet(() -> Uni.createFrom().item(() -> send(answerSafely(parsed), httpCacheable))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
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

    private Response send(OcspAnswer answer, boolean httpCacheable) {
        Response.ResponseBuilder response = Response.ok(answer.der(), OCSP_RESPONSE);
        if (httpCacheable && answer.caching().isPresent()) {
            OcspAnswer.Caching caching = answer.caching().get();
            long untilNext = Math.max(0, Duration.between(clock.instant(), caching.nextUpdate()).getSeconds());
            long maxAge = Math.min(untilNext, httpMaxAge.getSeconds());
            response.header("Cache-Control", "public, max-age=" + maxAge + ", no-transform, must-revalidate")
                    .lastModified(Date.from(caching.producedAt()))
                    .expires(Date.from(caching.nextUpdate()))
                    .header("ETag", caching.etag());
        } else {
            response.header("Cache-Control", "no-store");
        }
        return response.build();
    }

    /**
     * The GET form is the base64 DER, URL-encoded (the container has already undone the
     * %-encoding). Some clients send the URL-safe alphabet or drop the padding; both are accepted.
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

package io.portcullis.server;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer refuses a body over {@code quarkus.http.limits.max-body-size} with a bare 413
 * before any JAX-RS code runs. This filter answers such requests first, when they announce their
 * size, with the same problem+json shape as every other error; a chunked body without a length
 * still meets the HTTP layer's own limit.
 */
@ApplicationScoped
public class BodyLimitProblems {

    private final long maxBodyBytes;

    public BodyLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared == null || !isOver(declared)) {
            ctx.next();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "urn:portcullis:problem:payload-too-large")
                .put("title", "Payload Too Large")
                .put("status", 413)
                .put("detail", "the request body exceeds the limit of " + maxBodyBytes + " bytes")
                .put("instance", ctx.normalizedPath());
        ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close").end(problem.encode());
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            // A malformed Content-Length is the HTTP layer's to reject; not a size problem.
            return false;
        }
    }
}

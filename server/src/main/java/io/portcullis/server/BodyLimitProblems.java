package io.portcullis.server;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Vert.x rejects an oversized body (quarkus.http.limits.max-body-size) before any JAX-RS code
 * runs, so the exception mappers never see it. This failure handler gives that 413 the same
 * problem+json shape as every other error.
 */
@ApplicationScoped
public class BodyLimitProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            JsonObject problem = new JsonObject()
                    .put("type", "urn:portcullis:problem:payload-too-large")
                    .put("title", "Payload Too Large")
                    .put("status", 413)
                    .put("detail", "the request body exceeds the server's limit")
                    .put("instance", ctx.normalizedPath());
            ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json").end(problem.encode());
        });
    }
}

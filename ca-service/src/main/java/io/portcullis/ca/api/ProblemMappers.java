package io.portcullis.ca.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.portcullis.ca.error.PortcullisException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.CharConversionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The single place where failures become HTTP responses: every error leaves as
 * {@code application/problem+json} with a stable type. Unexpected exceptions are logged here and
 * answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response portcullis(PortcullisException e, UriInfo uri) {
        int status = e.kind().httpStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed: %s", uri.getPath(), e.getMessage());
        }
        return respond(Problem.of(e.type(), Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                e.detail(), uri.getPath()));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            // A misspelled or not (yet) supported field must not be ignored: the body would mean something else.
            return respond(Problem.of("unknown-field", "Bad Request", 400,
                    "unknown field '" + unknown.getPropertyName() + "' in the request body; known fields: "
                            + unknown.getKnownPropertyIds(), uri.getPath()));
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of("malformed-json", "Bad Request", 400,
                "the request body is not valid JSON for this endpoint" + where + ": " + e.getOriginalMessage(), uri.getPath()));
    }

    /**
     * Jackson guesses UTF-16/UTF-32 from a body's first octets; a body that only looks like one fails
     * with this IOException, which is no JsonProcessingException. Still malformed JSON (found by fuzzing).
     */
    @ServerExceptionMapper
    public Response undecodableJson(CharConversionException e, UriInfo uri) {
        return respond(Problem.of("malformed-json", "Bad Request", 400,
                "the request body is not JSON text in a Unicode encoding: " + e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(Problem.of("invalid-request", "Bad Request", 400, detail, uri.getPath()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401,
                        "a valid bearer token is required (POST /api/v1/auth/login); it is missing, expired or not ours",
                        uri.getPath())))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                "your role does not allow this operation", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(Problem.of(slug, title, status, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure serving %s", uri.getPath());
        return respond(Problem.of("internal-error", "Internal Server Error", 500,
                "an unexpected error occurred; it has been logged", uri.getPath()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

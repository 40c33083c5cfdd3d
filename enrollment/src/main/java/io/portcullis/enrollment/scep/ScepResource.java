package io.portcullis.enrollment.scep;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

@Path("/scep")
@PermitAll
public class ScepResource {

    private final ScepService scep;

    public ScepResource(ScepService scep) {
        this.scep = scep;
    }

    @GET
    public Response get(@QueryParam("operation") String operation, @QueryParam("message") String message, @Context HttpServerRequest http) {
        return ScepEndpoint.get(scep, operation, message, http);
    }

    @POST
    @Consumes("*/*")
    public Response post(@QueryParam("operation") String operation, byte[] body, @Context HttpServerRequest http) {
        return ScepEndpoint.post(scep, operation, body, http);
    }
}

package io.portcullis.ui.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The server's front page is the admin UI. */
@Path("/")
@PermitAll
public class RootRedirect {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/ui/")).build();
    }
}

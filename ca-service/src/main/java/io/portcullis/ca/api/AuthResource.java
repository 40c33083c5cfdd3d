package io.portcullis.ca.api;

import io.portcullis.ca.auth.LoginService;
import io.portcullis.ca.auth.TokenService;
import io.portcullis.ca.error.PortcullisException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final LoginService login;

    public AuthResource(LoginService login) {
        this.login = login;
    }

    public record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    public record LoginResponse(String token, String tokenType, Instant expiresAt, String role) {
    }

    @POST
    @Path("/login")
    @PermitAll
    public LoginResponse login(LoginRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw PortcullisException.badRequest("missing-body", "a JSON body {\"username\", \"password\"} is required");
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        TokenService.IssuedToken token = login.login(request.username(), request.password(), client);
        return new LoginResponse(token.token(), "Bearer", token.expiresAt(), token.role().wireName());
    }
}

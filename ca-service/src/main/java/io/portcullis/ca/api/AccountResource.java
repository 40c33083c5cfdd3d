package io.portcullis.ca.api;

import io.portcullis.ca.auth.AccountService;
import io.portcullis.ca.auth.Role;
import io.portcullis.ca.error.PortcullisException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Administrator accounts: only admins manage them. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AccountResource {

    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    public record CreateAccount(String username, String password, String role) {
        @Override
        public String toString() {
            return "CreateAccount[username=" + username + ", role=" + role + "]";
        }
    }

    @GET
    public List<AccountService.AccountView> list() {
        return accounts.list();
    }

    @POST
    public Response create(CreateAccount body, @Context SecurityContext security) {
        if (body == null) {
            throw PortcullisException.badRequest("missing-body", "a JSON body {\"username\", \"password\", \"role\"} is required");
        }
        AccountService.AccountView created = accounts.create(security.getUserPrincipal().getName(),
                body.username(), body.password(), Role.parse(body.role()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("/{username}")
    public Response delete(@PathParam("username") String username, @Context SecurityContext security) {
        accounts.delete(security.getUserPrincipal().getName(), username);
        return Response.noContent().build();
    }
}

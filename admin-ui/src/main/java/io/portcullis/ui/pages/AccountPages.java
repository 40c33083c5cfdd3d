package io.portcullis.ui.pages;

import io.portcullis.ca.auth.AccountService;
import io.portcullis.ca.auth.Role;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ui.web.CurrentUser;
import io.portcullis.ui.web.Layout;
import io.portcullis.ui.web.UiAccess;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Administrator accounts: only admins see and change them. */
@Path("/ui/accounts")
@PermitAll
@UiAccess(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private final Template page;
    private final Layout layout;
    private final AccountService accounts;
    private final CurrentUser currentUser;

    public AccountPages(@Location("ui/accounts.html") Template page, Layout layout, AccountService accounts, CurrentUser currentUser) {
        this.page = page;
        this.layout = layout;
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GET
    public Response list() {
        return Layout.respond(200, view(null, "", "auditor"));
    }

    @POST
    public Response create(@FormParam("username") String username, @FormParam("password") String password, @FormParam("role") String role) {
        try {
            accounts.create(currentUser.username(), username == null ? null : username.strip(), password, Role.parse(role));
            return Response.seeOther(URI.create("/ui/accounts")).build();
        } catch (PortcullisException e) {
            String shown = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
            return Layout.respond(e.kind().httpStatus(), view(e.detail(), shown, role == null ? "auditor" : role));
        }
    }

    @POST
    @Path("/{username}/delete")
    public Response delete(@PathParam("username") String username) {
        try {
            accounts.delete(currentUser.username(), username);
            return Response.seeOther(URI.create("/ui/accounts")).build();
        } catch (PortcullisException e) {
            return Layout.respond(e.kind().httpStatus(), view(e.detail(), "", "auditor"));
        }
    }

    private io.quarkus.qute.TemplateInstance view(String error, String username, String role) {
        return layout.page(page, "accounts").data("accounts", accounts.list()).data("error", error)
                .data("username", username).data("role", role).data("roles", java.util.List.of("auditor", "operator", "admin"));
    }
}

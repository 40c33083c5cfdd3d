package io.portcullis.ui.pages;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.ui.UiAudit;
import io.portcullis.ui.UiConfig;
import io.portcullis.ui.tunnel.TunnelDirectory;
import io.portcullis.ui.view.Pager;
import io.portcullis.ui.web.CurrentUser;
import io.portcullis.ui.web.ErrorPages;
import io.portcullis.ui.web.Layout;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Live IKE SAs and their IPsec SAs; delete tears one down with DELETE notifies. */
@Path("/ui/tunnels")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TunnelPages {

    private static final Pattern SA_ID = Pattern.compile("[0-9a-fA-F]{32}");

    private final Template page;
    private final Layout layout;
    private final TunnelDirectory tunnels;
    private final CurrentUser currentUser;
    private final ErrorPages errors;
    private final AuditLog audit;
    private final UiConfig config;

    public TunnelPages(@Location("ui/tunnels.html") Template page, Layout layout, TunnelDirectory tunnels, CurrentUser currentUser,
            ErrorPages errors, AuditLog audit, UiConfig config) {
        this.config = config;
        this.page = page;
        this.layout = layout;
        this.tunnels = tunnels;
        this.currentUser = currentUser;
        this.errors = errors;
        this.audit = audit;
    }

    @GET
    public Response show(@QueryParam("page") Integer pageNumber) {
        try {
            PageRequest request = PageRequest.of(pageNumber, config.pageSize());
            List<TunnelDirectory.Tunnel> all = tunnels.list();
            int from = (int) Math.min(all.size(), (long) request.offset());
            Page<TunnelDirectory.Tunnel> shown = new Page<>(all.subList(from, Math.min(all.size(), from + request.size())),
                    request.page(), request.size(), all.size());
            return Layout.respond(200, layout.page(page, "tunnels").data("running", tunnels.running()).data("tunnels", shown.items())
                    .data("pager", Pager.of(shown, "/ui/tunnels", Map.of())));
        } catch (io.portcullis.ca.error.PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Tunnels", e.detail());
        }
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String id) {
        if (id == null || !SA_ID.matcher(id).matches()) {
            return errors.page(400, "Delete tunnel", "an IKE SA id is 32 hex digits (initiator cookie, responder cookie)");
        }
        if (!tunnels.running()) {
            return errors.page(503, "Delete tunnel", "the IKE responder is not running");
        }
        if (!tunnels.delete(id)) {
            return errors.page(404, "Delete tunnel", "no established IKE SA " + id);
        }
        audit.appendIndependently(AuditEvent.success(currentUser.username(), UiAudit.TUNNEL_DELETED, id, "IKE SA deleted with DELETE notifies"));
        return Response.seeOther(URI.create("/ui/tunnels")).build();
    }
}

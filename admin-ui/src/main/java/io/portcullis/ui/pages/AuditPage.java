package io.portcullis.ui.pages;

import io.portcullis.ca.audit.AuditChainVerifier;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.audit.AuditQuery;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.ui.UiConfig;
import io.portcullis.ui.view.Pager;
import io.portcullis.ui.web.Layout;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log, newest first, filtered by action, actor and text. The chain verification walks
 * the whole log, so the page loads it separately (htmx, {@code /ui/audit/verify}) and stays fast.
 */
@Path("/ui/audit")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    private static final int MAX_FILTER = 256;

    private final Template page;
    private final Template verification;
    private final Layout layout;
    private final AuditQuery query;
    private final AuditLog log;
    private final UiConfig config;

    public AuditPage(@Location("ui/audit.html") Template page, @Location("ui/audit-verify.html") Template verification, Layout layout,
            AuditQuery query, AuditLog log, UiConfig config) {
        this.page = page;
        this.verification = verification;
        this.layout = layout;
        this.query = query;
        this.log = log;
        this.config = config;
    }

    public record Filters(String action, String actor, String q) {
    }

    @GET
    public Response list(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("q") String q,
            @QueryParam("page") Integer page) {
        Filters filters = new Filters(nz(action), nz(actor), nz(q));
        var view = layout.page(this.page, "audit").data("filters", filters);
        try {
            if (filters.action().length() > MAX_FILTER || filters.actor().length() > MAX_FILTER || filters.q().length() > MAX_FILTER) {
                throw PortcullisException.badRequest("filter-too-long", "filters may have at most " + MAX_FILTER + " characters");
            }
            var found = query.find(new AuditQuery.Filter(opt(filters.action()), opt(filters.actor()), opt(filters.q())),
                    PageRequest.of(page, config.pageSize()));
            Map<String, String> keep = new LinkedHashMap<>();
            keep.put("action", filters.action());
            keep.put("actor", filters.actor());
            keep.put("q", filters.q());
            return Layout.respond(200, view.data("entries", found.items()).data("pager", Pager.of(found, "/ui/audit", keep)).data("error", null));
        } catch (PortcullisException e) {
            return Layout.respond(e.kind().httpStatus(), view.data("entries", List.of()).data("pager", null).data("error", e.detail()));
        }
    }

    /** An HTML fragment with the result of walking the hash chain. */
    @GET
    @Path("/verify")
    public String verify() {
        AuditChainVerifier verifier = log.verify();
        var broken = verifier.firstBreak();
        return verification.data("valid", broken.isEmpty())
                .data("checked", verifier.checked())
                .data("seq", broken.map(b -> b.seq()).orElse(null))
                .data("reason", broken.map(b -> b.reason()).orElse(null))
                .render();
    }

    private static Optional<String> opt(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}

package io.portcullis.ui.pages;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.issuance.SanText;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.enrollment.ApprovalService;
import io.portcullis.enrollment.EnrollmentQueries;
import io.portcullis.enrollment.request.EnrollmentRequest;
import io.portcullis.enrollment.request.RequestStatus;
import io.portcullis.ui.UiConfig;
import io.portcullis.ui.view.Pager;
import io.portcullis.ui.web.CurrentUser;
import io.portcullis.ui.web.ErrorPages;
import io.portcullis.ui.web.Layout;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Enrollment requests of manually approved gateways: approve or reject the pending ones. */
@Path("/ui/requests")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class EnrollmentRequestPages {

    static final int MAX_REASON = 500;

    private final Template requests;
    private final Layout layout;
    private final EnrollmentQueries queries;
    private final ApprovalService approvals;
    private final CurrentUser currentUser;
    private final ErrorPages errors;
    private final UiConfig config;

    public EnrollmentRequestPages(@Location("ui/requests.html") Template requests, Layout layout, EnrollmentQueries queries,
            ApprovalService approvals, CurrentUser currentUser, ErrorPages errors, UiConfig config) {
        this.requests = requests;
        this.layout = layout;
        this.queries = queries;
        this.approvals = approvals;
        this.currentUser = currentUser;
        this.errors = errors;
        this.config = config;
    }

    public record Row(String id, String peerName, String peerId, String status, String channel, String subject, List<String> sans,
            String clientAddress, Instant createdAt, String decidedBy, String reason, String certificateSerial) {

        static Row of(ApprovalService.RequestWithPeer rp) {
            EnrollmentRequest r = rp.request();
            var csr = new CsrParser().parseDer(r.csrDer);
            return new Row(r.id, rp.peer().name, rp.peer().id, r.status.wireName(), r.channel.name().toLowerCase(),
                    csr.subject().toString(), csr.subjectAltNames().stream().map(SanText::render).toList(), r.clientAddress,
                    r.createdAt, r.decidedBy, r.reason, r.certificateSerial);
        }
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") Integer page) {
        String filter = status == null ? "pending" : status.strip();
        try {
            Optional<RequestStatus> parsed = filter.isEmpty() || filter.equals("all") ? Optional.empty()
                    : Optional.of(RequestStatus.parse(filter));
            var found = queries.requests(parsed, PageRequest.of(page, config.pageSize()));
            return Layout.respond(200, layout.page(requests, "requests")
                    .data("rows", found.items().stream().map(Row::of).toList())
                    .data("status", filter)
                    .data("pager", Pager.of(found, "/ui/requests", Map.of("status", filter))));
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Enrollment requests", e.detail());
        }
    }

    @POST
    @Path("/{id}/approve")
    public Response approve(@PathParam("id") String id) {
        try {
            approvals.approve(id, currentUser.username());
            return Response.seeOther(URI.create("/ui/requests")).build();
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Approve", e.detail());
        }
    }

    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("id") String id, @FormParam("reason") String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            return errors.page(400, "Reject", "the reason may have at most " + MAX_REASON + " characters");
        }
        try {
            approvals.reject(id, reason, currentUser.username());
            return Response.seeOther(URI.create("/ui/requests")).build();
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Reject", e.detail());
        }
    }
}

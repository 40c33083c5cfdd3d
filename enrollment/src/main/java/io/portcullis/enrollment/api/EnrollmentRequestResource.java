package io.portcullis.enrollment.api;

import io.portcullis.ca.auth.Role;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.enrollment.ApprovalService;
import io.portcullis.enrollment.request.EnrollmentRequest;
import io.portcullis.enrollment.request.RequestStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrollment requests waiting for (or decided by) an operator. */
@Path("/api/v1/enrollment-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentRequestResource {

    private static final int MAX_LIST = 500;
    private final ApprovalService approvals;

    public EnrollmentRequestResource(ApprovalService approvals) {
        this.approvals = approvals;
    }

    public record RequestView(String id, String peerId, String peerName, String status, String channel, String subject,
            List<String> subjectAltNames, String clientAddress, Instant createdAt, Instant decidedAt, String decidedBy, String reason,
            String certificateSerial, String csr) {

        static RequestView of(ApprovalService.RequestWithPeer rp) {
            EnrollmentRequest r = rp.request();
            var csr = new CsrParser().parseDer(r.csrDer);
            List<String> sans = csr.subjectAltNames().stream().map(io.portcullis.ca.issuance.SanText::render).toList();
            return new RequestView(r.id, r.peerId, rp.peer().name, r.status.wireName(), r.channel.name().toLowerCase(),
                    csr.subject().toString(), sans, r.clientAddress, r.createdAt, r.decidedAt, r.decidedBy, r.reason, r.certificateSerial,
                    PemCodec.toPem(csr.request()));
        }
    }

    public record RejectBody(String reason) {
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public List<RequestView> list(@QueryParam("status") String status) {
        Optional<RequestStatus> filter = status == null || status.isBlank() ? Optional.empty() : Optional.of(RequestStatus.parse(status));
        return approvals.list(filter, MAX_LIST).stream().map(RequestView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public RequestView get(@PathParam("id") String id) {
        return RequestView.of(approvals.get(id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public RequestView approve(@PathParam("id") String id, @Context SecurityContext security) {
        return RequestView.of(approvals.approve(id, security.getUserPrincipal().getName()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public RequestView reject(@PathParam("id") String id, RejectBody body, @Context SecurityContext security) {
        if (id == null) {
            throw PortcullisException.badRequest("missing-id", "request id required");
        }
        return RequestView.of(approvals.reject(id, body == null ? null : body.reason(), security.getUserPrincipal().getName()));
    }
}

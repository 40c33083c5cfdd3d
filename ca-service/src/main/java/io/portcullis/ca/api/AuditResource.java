package io.portcullis.ca.api;

import io.portcullis.ca.audit.AuditChainVerifier;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.audit.AuditQuery;
import io.portcullis.ca.audit.AuditRecord;
import io.portcullis.ca.auth.Role;
import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
public class AuditResource {

    private final AuditQuery query;
    private final AuditLog log;

    public AuditResource(AuditQuery query, AuditLog log) {
        this.query = query;
        this.log = log;
    }

    @GET
    public Page<AuditRecord> list(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("q") String text, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return query.find(new AuditQuery.Filter(nonBlank(action), nonBlank(actor), nonBlank(text)), PageRequest.of(page, size));
    }

    public record Verification(boolean valid, long entriesChecked, Long firstBrokenSeq, String reason) {
    }

    @GET
    @Path("/verify")
    public Verification verify() {
        AuditChainVerifier verifier = log.verify();
        return verifier.firstBreak()
                .map(b -> new Verification(false, verifier.checked(), b.seq(), b.reason()))
                .orElseGet(() -> new Verification(true, verifier.checked(), null, null));
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

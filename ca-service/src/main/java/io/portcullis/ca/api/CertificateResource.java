package io.portcullis.ca.api;

import io.portcullis.ca.auth.Role;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateSearch;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.IssuancePipeline;
import io.portcullis.ca.issuance.IssueRequest;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.ca.revocation.RevocationReason;
import io.portcullis.ca.revocation.RevocationService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificateResource {

    private final IssuancePipeline pipeline;
    private final CertificateReader certificates;
    private final RevocationService revocation;
    private final Clock clock;

    public CertificateResource(IssuancePipeline pipeline, CertificateReader certificates, RevocationService revocation,
            Clock clock) {
        this.pipeline = pipeline;
        this.certificates = certificates;
        this.revocation = revocation;
        this.clock = clock;
    }

    public record IssueBody(String csr, String profile, Integer validityDays) {
    }

    public record IssueResponse(String serial, String certificate, List<String> chain) {
    }

    public record RevokeBody(String reason, String invalidityDate) {
    }

    @POST
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public Response issue(IssueBody body, @Context SecurityContext security) {
        if (body == null || body.csr() == null || body.csr().isBlank()) {
            throw PortcullisException.badRequest("missing-csr", "a JSON body with \"csr\" (PEM PKCS#10) is required");
        }
        if (body.profile() == null || body.profile().isBlank()) {
            throw PortcullisException.badRequest("missing-profile", "\"profile\" is required, e.g. \"ike-gateway\"");
        }
        Optional<Duration> validity = Optional.empty();
        if (body.validityDays() != null) {
            if (body.validityDays() < 1) {
                throw PortcullisException.badRequest("invalid-validity", "validityDays must be at least 1");
            }
            validity = Optional.of(Duration.ofDays(body.validityDays()));
        }
        IssuedCertificate issued = pipeline.issue(new IssueRequest(body.csr(), body.profile(), validity,
                security.getUserPrincipal().getName()));
        IssueResponse response = new IssueResponse(Serials.toHex(issued.serial()), PemCodec.toPem(issued.certificate()),
                issued.chain().stream().map(PemCodec::toPem).toList());
        return Response.status(Response.Status.CREATED).entity(response).build();
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public Page<CertificateView> search(@QueryParam("status") String status, @QueryParam("q") String text,
            @QueryParam("expiringBefore") String expiringBefore, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        CertificateSearch search = new CertificateSearch(CertificateSearch.parseStatus(status),
                AuditResource.nonBlank(text), instant("expiringBefore", expiringBefore));
        Instant now = clock.instant();
        return certificates.search(search, PageRequest.of(page, size), now).map(r -> CertificateView.of(r, now));
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public CertificateView get(@PathParam("serial") String serial) {
        return CertificateView.of(certificates.get(serial), clock.instant());
    }

    @GET
    @Path("/{serial}/pem")
    @Produces("application/x-pem-file")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public Response pem(@PathParam("serial") String serial) {
        StoredCertificate certificate = certificates.get(serial);
        return Response.ok(certificate.pem())
                .header("Content-Disposition", "attachment; filename=\"" + certificate.serialHex() + ".pem\"")
                .build();
    }

    @POST
    @Path("/{serial}/revoke")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public CertificateView revoke(@PathParam("serial") String serial, RevokeBody body, @Context SecurityContext security) {
        RevokeBody request = body == null ? new RevokeBody(null, null) : body;
        StoredCertificate record = revocation.revoke(new RevocationService.RevokeRequest(Serials.parse(serial),
                RevocationReason.parse(request.reason()), instant("invalidityDate", request.invalidityDate()),
                security.getUserPrincipal().getName()));
        return CertificateView.of(record, clock.instant());
    }

    @POST
    @Path("/{serial}/release")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public CertificateView release(@PathParam("serial") String serial, @Context SecurityContext security) {
        StoredCertificate record = revocation.release(Serials.parse(serial), security.getUserPrincipal().getName());
        return CertificateView.of(record, clock.instant());
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw PortcullisException.badRequest("invalid-timestamp",
                    name + " must be an RFC 3339 UTC timestamp such as 2027-01-31T00:00:00Z; got '" + value + "'");
        }
    }
}

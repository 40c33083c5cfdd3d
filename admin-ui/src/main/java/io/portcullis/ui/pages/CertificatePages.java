package io.portcullis.ui.pages;

import io.portcullis.ca.authority.CaCertificate;
import io.portcullis.ca.authority.CaDirectory;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateSearch;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.ca.revocation.RevocationReason;
import io.portcullis.ca.revocation.RevocationService;
import io.portcullis.ui.UiConfig;
import io.portcullis.ui.view.CertificateDetails;
import io.portcullis.ui.view.CertificateRow;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Certificates: search and filter, detail, PEM and chain downloads, revoke (with confirmation) and release. */
@Path("/ui/certificates")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CertificatePages {

    private final Template list;
    private final Template detail;
    private final Layout layout;
    private final CertificateReader certificates;
    private final CaDirectory cas;
    private final RevocationService revocation;
    private final CurrentUser currentUser;
    private final ErrorPages errors;
    private final UiConfig config;
    private final Clock clock;

    public CertificatePages(@Location("ui/certificates.html") Template list, @Location("ui/certificate.html") Template detail,
            Layout layout, CertificateReader certificates, CaDirectory cas, RevocationService revocation,
            CurrentUser currentUser, ErrorPages errors, UiConfig config, Clock clock) {
        this.list = list;
        this.detail = detail;
        this.layout = layout;
        this.certificates = certificates;
        this.cas = cas;
        this.revocation = revocation;
        this.currentUser = currentUser;
        this.errors = errors;
        this.config = config;
        this.clock = clock;
    }

    public record Filters(String status, String q, String expiringBefore) {
    }

    @GET
    public Response search(@QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("expiringBefore") String expiringBefore, @QueryParam("page") Integer page) {
        Filters filters = new Filters(nz(status), nz(q), nz(expiringBefore));
        Instant now = clock.instant();
        var view = layout.page(list, "certificates").data("filters", filters).data("reasons", reasons());
        try {
            CertificateSearch search = new CertificateSearch(CertificateSearch.parseStatus(status),
                    q == null || q.isBlank() ? Optional.empty() : Optional.of(q.strip()), date(expiringBefore));
            var found = certificates.search(search, PageRequest.of(page, config.pageSize()), now).map(r -> CertificateRow.of(r, now));
            Map<String, String> keep = new LinkedHashMap<>();
            keep.put("status", filters.status());
            keep.put("q", filters.q());
            keep.put("expiringBefore", filters.expiringBefore());
            return Layout.respond(200, view.data("rows", found.items()).data("pager", Pager.of(found, "/ui/certificates", keep))
                    .data("error", null));
        } catch (PortcullisException e) {
            return Layout.respond(e.kind().httpStatus(), view.data("rows", List.of()).data("pager", null).data("error", e.detail()));
        }
    }

    @GET
    @Path("/{serial}")
    public Response show(@PathParam("serial") String serial) {
        try {
            CertificateDetails details = details(serial);
            return Layout.respond(200, detailPage(details, null));
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Certificate", e.detail());
        }
    }

    @GET
    @Path("/{serial}/pem")
    @Produces("application/x-pem-file")
    public Response pem(@PathParam("serial") String serial) {
        try {
            CertificateDetails details = details(serial);
            return download(details.pem(), details.serial() + ".pem");
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Certificate", e.detail());
        }
    }

    /** The certificate followed by its issuing CA and the root: what a peer or relying party installs. */
    @GET
    @Path("/{serial}/chain")
    @Produces("application/x-pem-file")
    public Response chain(@PathParam("serial") String serial) {
        try {
            StoredCertificate certificate = certificates.get(serial);
            StringBuilder pem = new StringBuilder(certificate.pem());
            for (CaCertificate ca : cas.chainFrom(certificate.issuerId())) {
                pem.append(ca.pem());
            }
            return download(pem.toString(), certificate.serialHex() + "-chain.pem");
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Certificate", e.detail());
        }
    }

    @POST
    @Path("/{serial}/revoke")
    public Response revoke(@PathParam("serial") String serial, @FormParam("reason") String reason, @FormParam("confirm") String confirm) {
        try {
            BigIntegerSerial parsed = BigIntegerSerial.of(serial);
            if (!"yes".equals(confirm)) {
                throw PortcullisException.badRequest("not-confirmed", "tick the confirmation box: revocation cannot be undone"
                        + " (except for certificateHold)");
            }
            revocation.revoke(new RevocationService.RevokeRequest(parsed.value(), RevocationReason.parse(reason), Optional.empty(),
                    currentUser.username()));
            return Response.seeOther(URI.create("/ui/certificates/" + parsed.hex())).build();
        } catch (PortcullisException e) {
            return inlineError(serial, e);
        }
    }

    @POST
    @Path("/{serial}/release")
    public Response release(@PathParam("serial") String serial) {
        try {
            BigIntegerSerial parsed = BigIntegerSerial.of(serial);
            revocation.release(parsed.value(), currentUser.username());
            return Response.seeOther(URI.create("/ui/certificates/" + parsed.hex())).build();
        } catch (PortcullisException e) {
            return inlineError(serial, e);
        }
    }

    /** The detail page again with the error next to the revoke form; a page of its own when the certificate is unknown. */
    private Response inlineError(String serial, PortcullisException e) {
        try {
            CertificateDetails details = details(serial);
            return Layout.respond(e.kind().httpStatus(), detailPage(details, e.detail()));
        } catch (PortcullisException notFound) {
            return errors.page(notFound.kind().httpStatus(), "Certificate", notFound.detail());
        }
    }

    private io.quarkus.qute.TemplateInstance detailPage(CertificateDetails details, String error) {
        return layout.page(detail, "certificates").data("c", details).data("reasons", reasons()).data("error", error);
    }

    private record BigIntegerSerial(java.math.BigInteger value, String hex) {
        static BigIntegerSerial of(String text) {
            java.math.BigInteger value = Serials.parse(text);
            return new BigIntegerSerial(value, Serials.toHex(value));
        }
    }

    private CertificateDetails details(String serial) {
        return CertificateDetails.of(certificates.get(serial), clock.instant());
    }

    private static Response download(String pem, String filename) {
        return Response.ok(pem, "application/x-pem-file")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    static List<String> reasons() {
        List<String> out = new ArrayList<>();
        Arrays.stream(RevocationReason.values()).forEach(r -> out.add(r.rfcName()));
        return out;
    }

    /** A date from the form's date picker (end of that day is not included) or an RFC 3339 instant. */
    static Optional<Instant> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() > 40) {
            throw PortcullisException.badRequest("invalid-date", "expiring before must be a date such as 2027-01-31");
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw PortcullisException.badRequest("invalid-date", "expiring before must be a date such as 2027-01-31; got '" + text + "'");
            }
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}

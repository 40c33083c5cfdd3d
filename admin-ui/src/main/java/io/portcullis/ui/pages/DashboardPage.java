package io.portcullis.ui.pages;

import io.portcullis.ca.authority.CaCertificate;
import io.portcullis.ca.authority.CaDirectory;
import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.certificate.CertificateStatistics;
import io.portcullis.enrollment.EnrollmentQueries;
import io.portcullis.revocation.crl.CrlKind;
import io.portcullis.revocation.crl.CrlMeta;
import io.portcullis.revocation.crl.CrlStatus;
import io.portcullis.ui.tunnel.TunnelDirectory;
import io.portcullis.ui.web.Layout;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The first page: CAs and their expiry, certificate counts, what needs attention. */
@Path("/ui")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    static final Duration EXPIRY_WINDOW = Duration.ofDays(30);

    private final Template dashboard;
    private final Layout layout;
    private final CaDirectory cas;
    private final CertificateStatistics statistics;
    private final EnrollmentQueries enrollment;
    private final CrlStatus crls;
    private final TunnelDirectory tunnels;
    private final Clock clock;

    public DashboardPage(@Location("ui/dashboard.html") Template dashboard, Layout layout, CaDirectory cas,
            CertificateStatistics statistics, EnrollmentQueries enrollment, CrlStatus crls, TunnelDirectory tunnels, Clock clock) {
        this.dashboard = dashboard;
        this.layout = layout;
        this.cas = cas;
        this.statistics = statistics;
        this.enrollment = enrollment;
        this.crls = crls;
        this.tunnels = tunnels;
        this.clock = clock;
    }

    public record CaRow(String id, String subject, String keyAlgorithm, Instant notAfter, long daysLeft) {
    }

    @GET
    @Path("/")
    public TemplateInstance show() {
        Instant now = clock.instant();
        List<CaRow> caRows = cas.all().stream()
                .sorted(Comparator.comparing((CaCertificate c) -> c.parentId() == null ? 0 : 1))
                .map(c -> new CaRow(c.id(), c.subjectDn(), c.keyAlgorithm(), c.notAfter(), Duration.between(now, c.notAfter()).toDays()))
                .toList();
        Optional<CrlMeta> crl = crls.latest(CaIds.ISSUING, CrlKind.FULL);
        return layout.page(dashboard, "dashboard")
                .data("cas", caRows)
                .data("counts", statistics.counts(now, now.plus(EXPIRY_WINDOW)))
                .data("pending", enrollment.pendingRequests())
                .data("tunnelsRunning", tunnels.running())
                .data("tunnelCount", tunnels.list().size())
                .data("crl", crl.orElse(null))
                .data("crlStale", crl.map(m -> !now.isBefore(m.nextUpdate())).orElse(false))
                .data("expiringBefore", now.plus(EXPIRY_WINDOW).toString().substring(0, 10));
    }
}

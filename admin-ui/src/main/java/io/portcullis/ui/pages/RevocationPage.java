package io.portcullis.ui.pages;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.revocation.crl.CrlKind;
import io.portcullis.revocation.crl.CrlMeta;
import io.portcullis.revocation.crl.CrlStatus;
import io.portcullis.revocation.ocsp.ResponderCertificates;
import io.portcullis.revocation.ocsp.ResponderCredentials;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CRL status of each CA with download links, and the OCSP responder's certificate and expiry. */
@Path("/ui/revocation")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RevocationPage {

    private final Template page;
    private final Layout layout;
    private final CrlStatus crls;
    private final ResponderCertificates responder;
    private final Clock clock;

    public RevocationPage(@Location("ui/revocation.html") Template page, Layout layout, CrlStatus crls,
            ResponderCertificates responder, Clock clock) {
        this.page = page;
        this.layout = layout;
        this.crls = crls;
        this.responder = responder;
        this.clock = clock;
    }

    /** One published CRL; {@code meta} is null while none has been published yet. */
    public record CrlRow(String ca, String kind, String url, CrlMeta meta, boolean stale) {
    }

    public record Responder(String subject, String serial, String issuer, Instant notBefore, Instant notAfter, long hoursLeft) {
    }

    @GET
    public TemplateInstance show() {
        Instant now = clock.instant();
        List<CrlRow> rows = new ArrayList<>();
        for (String ca : List.of(CaIds.ISSUING, CaIds.ROOT)) {
            for (CrlKind kind : CrlKind.values()) {
                Optional<CrlMeta> meta = crls.latest(ca, kind);
                String url = "/pki/" + ca + "-ca" + (kind == CrlKind.DELTA ? "-delta" : "") + ".crl";
                rows.add(new CrlRow(ca, kind.column(), url, meta.orElse(null), meta.map(m -> !now.isBefore(m.nextUpdate())).orElse(false)));
            }
        }
        ResponderCredentials current = responder.current();
        var cert = current.certificate();
        Responder r = new Responder(cert.getSubject().toString(), cert.getSerialNumber().toString(16), cert.getIssuer().toString(),
                cert.getNotBefore().toInstant(), current.notAfter(), java.time.Duration.between(now, current.notAfter()).toHours());
        return layout.page(page, "revocation").data("crls", rows).data("responder", r);
    }
}

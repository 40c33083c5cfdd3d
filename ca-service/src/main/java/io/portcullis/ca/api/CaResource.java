package io.portcullis.ca.api;

import io.portcullis.ca.auth.Role;
import io.portcullis.ca.authority.CaCertificate;
import io.portcullis.ca.authority.CaDirectory;
import io.portcullis.ca.authority.CaIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/cas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
public class CaResource {

    private final CaDirectory cas;

    public CaResource(CaDirectory cas) {
        this.cas = cas;
    }

    /** A CA with its chain in PEM, its own certificate first and the root last. */
    public record CaView(String id, String subject, String serial, String keyAlgorithm, Instant notBefore,
            Instant notAfter, String certificate, List<String> chain) {
    }

    @GET
    public List<CaView> list() {
        List<CaView> views = new ArrayList<>();
        for (CaCertificate ca : cas.all()) {
            views.add(view(ca));
        }
        views.sort((a, b) -> a.id().equals(CaIds.ROOT) ? -1 : b.id().equals(CaIds.ROOT) ? 1 : a.id().compareTo(b.id()));
        return views;
    }

    private CaView view(CaCertificate ca) {
        List<String> chain = cas.chainFrom(ca.id()).stream().map(CaCertificate::pem).toList();
        return new CaView(ca.id(), ca.subjectDn(), ca.serialHex(), ca.keyAlgorithm(), ca.notBefore(), ca.notAfter(),
                chain.get(0), chain);
    }
}

package io.portcullis.ca.api;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.store.CaRecord;
import io.portcullis.ca.store.CaRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Public CA certificates at the caIssuers URLs written into issued certificates
 * ({@code /pki/issuing-ca.crt}, {@code /pki/root-ca.crt}), DER as RFC 5280 §4.2.2.1 asks.
 */
@Path("/pki")
@PermitAll
public class PkiResource {

    private final CaRepository cas;

    public PkiResource(CaRepository cas) {
        this.cas = cas;
    }

    @GET
    @Path("/{name}.crt")
    @Produces("application/pkix-cert")
    @Transactional
    public Response certificate(@PathParam("name") String name) {
        String id = switch (name) {
            case "root-ca" -> CaIds.ROOT;
            case "issuing-ca" -> CaIds.ISSUING;
            default -> throw PortcullisException.notFound("ca-not-found", "no CA certificate named " + name + ".crt");
        };
        CaRecord ca = cas.findById(id);
        if (ca == null) {
            throw PortcullisException.notFound("ca-not-found", "the CA hierarchy has not been created yet");
        }
        return Response.ok(ca.certificateDer).header("Cache-Control", "public, max-age=86400").build();
    }
}

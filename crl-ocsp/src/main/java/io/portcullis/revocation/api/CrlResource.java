package io.portcullis.revocation.api;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.revocation.crl.CrlDistribution;
import io.portcullis.revocation.crl.CrlKind;
import io.portcullis.revocation.crl.PublishedCrl;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * CRLs at the distribution points written into certificates: {@code /pki/issuing-ca.crl},
 * {@code /pki/issuing-ca-delta.crl}, {@code /pki/root-ca.crl}, {@code /pki/root-ca-delta.crl}.
 * DER as {@code application/pkix-crl} (RFC 5280 4.2.1.13); PEM when the client asks for
 * {@code application/x-pem-file}. HTTP caching follows nextUpdate.
 */
@Path("/pki")
@PermitAll
public class CrlResource {

    static final String PKIX_CRL = "application/pkix-crl";
    static final String PEM = "application/x-pem-file";

    private final CrlDistribution distribution;
    private final Clock clock;

    public CrlResource(CrlDistribution distribution, Clock clock) {
        this.distribution = distribution;
        this.clock = clock;
    }

    @GET
    @Path("/{name: (issuing|root)-ca(-delta)?}.crl")
    @Produces({PKIX_CRL, PEM})
    public Response crl(@PathParam("name") String name, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        String issuer = name.startsWith("root") ? CaIds.ROOT : CaIds.ISSUING;
        CrlKind kind = name.endsWith("-delta") ? CrlKind.DELTA : CrlKind.FULL;
        PublishedCrl crl = distribution.current(issuer, kind);
        Instant now = clock.instant();
        long maxAge = Math.max(0, Duration.between(now, crl.meta().nextUpdate()).getSeconds());
        Response.ResponseBuilder response;
        if (ifNoneMatch != null && ifNoneMatch.contains(crl.etag())) {
            response = Response.notModified();
        } else if (accept != null && accept.contains(PEM)) {
            response = Response.ok(pem(crl.der()), PEM);
        } else {
            response = Response.ok(crl.der(), PKIX_CRL);
        }
        return response
                .tag(new jakarta.ws.rs.core.EntityTag(crl.etag().substring(1, crl.etag().length() - 1)))
                .lastModified(Date.from(crl.meta().thisUpdate()))
                .expires(Date.from(crl.meta().nextUpdate()))
                .header("Cache-Control", "public, max-age=" + maxAge + ", no-transform")
                .header("Vary", "Accept")
                .build();
    }

    static String pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN X509 CRL-----\n" + body + "\n-----END X509 CRL-----\n";
    }

}

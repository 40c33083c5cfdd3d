package io.portcullis.enrollment.api;

import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.enrollment.EnrollmentAttempt;
import io.portcullis.enrollment.EnrollmentOutcome;
import io.portcullis.enrollment.EnrollmentService;
import io.portcullis.enrollment.RenewalService;
import io.portcullis.enrollment.request.Channel;
import io.portcullis.enrollment.scep.Pkcs7;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The SCEP-like REST enrollment API for scripts: CA certificates, enrollment with a one-time
 * secret, polling while an operator decides, and renewal with the current certificate.
 */
@Path("/enroll/v1")
@PermitAll
public class EnrollResource {

    static final String PKCS7 = "application/pkcs7-mime";
    private static final String PEM_CHAIN = "application/pem-certificate-chain";

    private final EnrollmentService enrollment;
    private final RenewalService renewal;
    private final CaKeyring keyring;

    public EnrollResource(EnrollmentService enrollment, RenewalService renewal, CaKeyring keyring) {
        this.enrollment = enrollment;
        this.renewal = renewal;
        this.keyring = keyring;
    }

    public record EnrollBody(String peer, String secret, String csr) {
    }

    public record RenewBody(String certificate, String csr, String signature) {
    }

    public record Issued(String status, String requestId, String serial, String certificate, List<String> chain) {
    }

    public record Pending(String status, String requestId, String location) {
    }

    @GET
    @Path("/cacerts")
    @Produces({ PEM_CHAIN, PKCS7 })
    public Response caCerts(@HeaderParam("Accept") String accept) {
        List<X509CertificateHolder> chain = keyring.chain();
        if (accept != null && accept.contains(PKCS7)) {
            return Response.ok(Pkcs7.certsOnly(chain, List.of())).type(PKCS7 + "; smime-type=certs-only").build();
        }
        return Response.ok(PemCodec.toPem(chain)).type(PEM_CHAIN).build();
    }

    @POST
    @Path("/csr")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(EnrollBody body, @Context HttpServerRequest http) {
        if (body == null || body.peer() == null || body.peer().isBlank() || body.csr() == null || body.csr().isBlank()) {
            throw PortcullisException.badRequest("invalid-request", "a JSON body {\"peer\", \"secret\", \"csr\"} is required");
        }
        EnrollmentOutcome outcome = enrollment.enroll(new EnrollmentAttempt(Optional.of(body.peer()), body.secret(),
                PemText.csr(body.csr()), Channel.REST, ClientAddress.of(http), Optional.empty()));
        return respond(outcome, true);
    }

    @GET
    @Path("/requests/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response poll(@PathParam("id") String id) {
        return respond(enrollment.poll(id), false);
    }

    @POST
    @Path("/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response renew(RenewBody body, @Context HttpServerRequest http) {
        if (body == null || body.certificate() == null || body.csr() == null || body.signature() == null) {
            throw PortcullisException.badRequest("invalid-request",
                    "a JSON body {\"certificate\": current PEM, \"csr\": new PEM, \"signature\": base64 signature over the CSR's DER with the current key} is required");
        }
        X509CertificateHolder current = PemText.certificate(body.certificate());
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw PortcullisException.badRequest("invalid-signature", "\"signature\" is not base64");
        }
        return respond(renewal.renewWithSignature(current, PemText.csr(body.csr()), signature, ClientAddress.of(http)), true);
    }

    private static Response respond(EnrollmentOutcome outcome, boolean created) {
        String location = "/enroll/v1/requests/" + outcome.requestId();
        return switch (outcome.status()) {
            case ISSUED -> Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                    .header("Location", location)
                    .entity(new Issued("issued", outcome.requestId(), Serials.toHex(outcome.certificate().get().getSerialNumber()),
                            PemCodec.toPem(outcome.certificate().get()), outcome.chain().stream().map(PemCodec::toPem).toList()))
                    .build();
            case PENDING -> Response.status(Response.Status.ACCEPTED).header("Location", location).header("Retry-After", "30")
                    .entity(new Pending("pending", outcome.requestId(), location)).build();
            case REJECTED -> throw new PortcullisException(ProblemKind.FORBIDDEN, "enrollment-rejected",
                    "enrollment request " + outcome.requestId() + " was rejected: " + outcome.reason());
        };
    }
}

package io.portcullis.enrollment.api;

import io.portcullis.ca.auth.Role;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerCertificate;
import io.portcullis.enrollment.peer.PeerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/** The peer registry (VPN gateways allowed to enroll). */
@Path("/api/v1/peers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeerResource {

    private final PeerService peers;

    public PeerResource(PeerService peers) {
        this.peers = peers;
    }

    public record IdentityBody(String type, String value) {
    }

    public record RegisterBody(String name, IdentityBody identity, List<String> subnets, String profile, String approval) {
    }

    /** The only response that ever carries the enrollment secret. */
    public record SecretResponse(String id, String name, String enrollmentSecret, Instant secretExpiresAt) {
    }

    @POST
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public Response register(RegisterBody body, @Context SecurityContext security) {
        if (body == null) {
            throw PortcullisException.badRequest("missing-body", "a JSON body with name, identity, subnets, profile and approval is required");
        }
        if (body.identity() == null) {
            throw PortcullisException.badRequest("invalid-identity", "identity {\"type\", \"value\"} is required");
        }
        PeerService.Registration registration = PeerService.validate(body.name(), body.identity().type(), body.identity().value(),
                body.subnets(), body.profile(), body.approval());
        PeerService.IssuedSecret issued = peers.register(registration, actor(security));
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/v1/peers/" + issued.peer().id)
                .header("Cache-Control", "no-store")
                .entity(new SecretResponse(issued.peer().id, issued.peer().name, issued.secret(), issued.expiresAt()))
                .build();
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public List<PeerView> list() {
        return peers.list().stream().map(p -> PeerView.of(p, List.of())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public PeerView get(@PathParam("id") String id) {
        return view(peers.get(id));
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public Response newSecret(@PathParam("id") String id, @Context SecurityContext security) {
        PeerService.IssuedSecret issued = peers.rotateSecret(id, actor(security));
        return Response.ok(new SecretResponse(issued.peer().id, issued.peer().name, issued.secret(), issued.expiresAt()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public PeerView disable(@PathParam("id") String id, @Context SecurityContext security) {
        return view(peers.disable(id, actor(security)));
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public PeerView enable(@PathParam("id") String id, @Context SecurityContext security) {
        return view(peers.enable(id, actor(security)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public PeerView delete(@PathParam("id") String id, @Context SecurityContext security) {
        return view(peers.delete(id, actor(security)));
    }

    private PeerView view(Peer peer) {
        return PeerView.of(peer, peers.certificatesOf(peer.id).stream().map((PeerCertificate c) -> c.serialHex).toList());
    }

    static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}

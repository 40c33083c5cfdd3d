package io.portcullis.server.ike;

import io.portcullis.ca.auth.Role;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ike.exchange.IkeSaId;
import io.portcullis.ike.runtime.IkeGateway;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** The gateway's IKE SAs for administrators: list them, and tear one down with DELETE notifies. */
@Path("/api/v1/ike/sas")
@Produces(MediaType.APPLICATION_JSON)
public class IkeSaResource {

    private static final Logger LOG = Logger.getLogger(IkeSaResource.class);

    private final IkeGateway gateway;
    private final Clock clock;

    public IkeSaResource(IkeGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME })
    public List<IkeSaListing.IkeSaRow> list() {
        Instant now = clock.instant();
        return gateway.ikeSas().stream().map(sa -> IkeSaListing.row(sa, now, gateway::inboundTraffic)).toList();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.OPERATOR_NAME })
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        IkeSaId sa = IkeSaListing.parseId(id).orElseThrow(() -> PortcullisException.badRequest("malformed-ike-sa-id",
                "an IKE SA id is 32 hex digits (initiator cookie, responder cookie)"));
        if (!gateway.running()) {
            throw new PortcullisException(ProblemKind.UNAVAILABLE, "ike-not-running", "the IKE responder is not running");
        }
        if (!gateway.deleteSa(sa)) {
            throw PortcullisException.notFound("ike-sa-not-found", "no established IKE SA " + id);
        }
        LOG.infof("ike: IKE SA %s deleted by %s", id, security.getUserPrincipal() == null ? "?" : security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}

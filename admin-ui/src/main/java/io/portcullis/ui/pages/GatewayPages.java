package io.portcullis.ui.pages;

import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.enrollment.EnrollmentQueries;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerCertificate;
import io.portcullis.enrollment.peer.PeerService;
import io.portcullis.ui.UiConfig;
import io.portcullis.ui.view.EnrollmentInstructions;
import io.portcullis.ui.view.Pager;
import io.portcullis.ui.web.CurrentUser;
import io.portcullis.ui.web.ErrorPages;
import io.portcullis.ui.web.Layout;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Gateways (peers): list, register, one-time secret with instructions, new secret, disable/enable, delete. */
@Path("/ui/gateways")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class GatewayPages {

    /** Bounds on form input before it reaches the registry's own validation. */
    static final int MAX_FIELD = 1100;
    static final int MAX_SUBNETS_TEXT = 4000;

    private final Template gateways;
    private final Template gateway;
    private final Template secretPage;
    private final Layout layout;
    private final PeerService peers;
    private final EnrollmentQueries queries;
    private final CurrentUser currentUser;
    private final ErrorPages errors;
    private final PortcullisConfig portcullis;
    private final UiConfig config;

    public GatewayPages(@Location("ui/gateways.html") Template gateways, @Location("ui/gateway.html") Template gateway,
            @Location("ui/gateway-secret.html") Template secretPage, Layout layout, PeerService peers, EnrollmentQueries queries,
            CurrentUser currentUser, ErrorPages errors, PortcullisConfig portcullis, UiConfig config) {
        this.gateways = gateways;
        this.gateway = gateway;
        this.secretPage = secretPage;
        this.layout = layout;
        this.peers = peers;
        this.queries = queries;
        this.currentUser = currentUser;
        this.errors = errors;
        this.portcullis = portcullis;
        this.config = config;
    }

    /** What the registration form shows again after an error. */
    public record Form(String name, String identityType, String identityValue, String subnets, String profile, String approval) {
        static Form empty() {
            return new Form("", "fqdn", "", "", "ike-gateway", "auto");
        }
    }

    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("deleted") boolean deleted, @QueryParam("notice") String notice) {
        return Layout.respond(200, listPage(page, deleted, Form.empty(), null, notice));
    }

    @POST
    public Response register(@FormParam("name") String name, @FormParam("identityType") String identityType,
            @FormParam("identityValue") String identityValue, @FormParam("subnets") String subnets,
            @FormParam("profile") String profile, @FormParam("approval") String approval) {
        Form form = new Form(clip(name), clip(identityType), clip(identityValue), clip(subnets), clip(profile), clip(approval));
        try {
            if (tooLong(name) || tooLong(identityType) || tooLong(identityValue) || tooLong(profile) || tooLong(approval)
                    || (subnets != null && subnets.length() > MAX_SUBNETS_TEXT)) {
                throw PortcullisException.badRequest("field-too-long", "a field is too long (at most " + MAX_FIELD
                        + " characters; subnets at most " + MAX_SUBNETS_TEXT + ")");
            }
            PeerService.Registration registration = PeerService.validate(name, identityType, identityValue, subnetList(subnets),
                    profile, approval);
            PeerService.IssuedSecret issued = peers.register(registration, currentUser.username());
            return secret(issued);
        } catch (PortcullisException e) {
            return Layout.respond(e.kind().httpStatus(), listPage(0, false, form, e.detail(), null));
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        try {
            Peer peer = peers.get(id);
            List<String> serials = peers.certificatesOf(peer.id).stream().map((PeerCertificate c) -> c.serialHex).toList();
            return Layout.respond(200, layout.page(gateway, "gateways").data("peer", peer).data("serials", serials));
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Gateway", e.detail());
        }
    }

    @POST
    @Path("/{id}/secret")
    public Response newSecret(@PathParam("id") String id) {
        try {
            return secret(peers.rotateSecret(id, currentUser.username()));
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "New secret", e.detail());
        }
    }

    @POST
    @Path("/{id}/disable")
    public Response disable(@PathParam("id") String id) {
        return act(() -> peers.disable(id, currentUser.username()), "disabled");
    }

    @POST
    @Path("/{id}/enable")
    public Response enable(@PathParam("id") String id) {
        return act(() -> peers.enable(id, currentUser.username()), "enabled");
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String id) {
        return act(() -> peers.delete(id, currentUser.username()), "deleted");
    }

    private Response act(java.util.function.Supplier<Peer> action, String notice) {
        try {
            Peer peer = action.get();
            return Response.seeOther(URI.create("/ui/gateways/" + peer.id)).build();
        } catch (PortcullisException e) {
            return errors.page(e.kind().httpStatus(), "Gateway " + notice, e.detail());
        }
    }

    /** The secret exists in clear only in this response: never cached, never shown again. */
    private Response secret(PeerService.IssuedSecret issued) {
        TemplateInstance page = layout.page(secretPage, "gateways")
                .data("peer", issued.peer())
                .data("secret", issued.secret())
                .data("expiresAt", issued.expiresAt())
                .data("how", EnrollmentInstructions.of(issued.peer(), issued.secret(), portcullis.publicUrl()));
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private TemplateInstance listPage(Integer page, boolean deleted, Form form, String error, String notice) {
        var found = queries.peers(deleted, PageRequest.of(page, config.pageSize()));
        return layout.page(gateways, "gateways")
                .data("peers", found.items())
                .data("pager", Pager.of(found, "/ui/gateways", deleted ? Map.of("deleted", "true") : Map.of()))
                .data("deleted", deleted)
                .data("form", form)
                .data("error", error)
                .data("notice", notice);
    }

    /** Subnets as typed: separated by commas, spaces or new lines. */
    static List<String> subnetList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_FIELD;
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > MAX_SUBNETS_TEXT ? value.substring(0, MAX_SUBNETS_TEXT) : value;
    }
}

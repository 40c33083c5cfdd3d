package io.portcullis.enrollment.scep;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.Response;
import java.util.Base64;

/**
 * The HTTP face of SCEP (RFC 8894 §4): {@code ?operation=GetCACaps|GetCACert|PKIOperation}, with
 * the message base64 in {@code message} (GET) or binary in the body (POST). Served at
 * {@code /scep} and at {@code /cgi-bin/pkiclient.exe}, where Cisco IOS and older clients look.
 */
public final class ScepEndpoint {

    static final String PKI_MESSAGE = "application/x-pki-message";
    static final String CA_RA_CERT = "application/x-x509-ca-ra-cert";

    private ScepEndpoint() {
    }

    static Response get(ScepService scep, String operation, String message, HttpServerRequest http) {
        if (operation == null) {
            return badRequest("the 'operation' parameter is required (GetCACaps, GetCACert or PKIOperation)");
        }
        return switch (operation) {
            case "GetCACaps" -> Response.ok(ScepService.CAPABILITIES).type("text/plain").build();
            case "GetCACert" -> Response.ok(scep.caCertificates()).type(CA_RA_CERT).build();
            case "PKIOperation" -> {
                if (message == null || message.isBlank()) {
                    yield badRequest("PKIOperation over GET needs the base64 message in 'message'");
                }
                byte[] der;
                try {
                    // A '+' that was not percent-encoded arrives as a space.
                    der = Base64.getMimeDecoder().decode(message.replace(' ', '+'));
                } catch (IllegalArgumentException e) {
                    yield badRequest("'message' is not base64");
                }
                yield pki(scep, der, http);
            }
            default -> badRequest("unknown operation '" + operation + "'; supported: GetCACaps, GetCACert, PKIOperation");
        };
    }

    static Response post(ScepService scep, String operation, byte[] body, HttpServerRequest http) {
        if (!"PKIOperation".equals(operation)) {
            return badRequest("POST serves only operation=PKIOperation");
        }
        return pki(scep, body, http);
    }

    private static Response pki(ScepService scep, byte[] der, HttpServerRequest http) {
        try {
            return Response.ok(scep.pkiOperation(der, address(http))).type(PKI_MESSAGE).build();
        } catch (PkiMessageReader.Unreadable e) {
            return badRequest(e.getMessage());
        }
    }

    private static Response badRequest(String text) {
        return Response.status(Response.Status.BAD_REQUEST).type("text/plain").entity(text + "\n").build();
    }

    private static String address(HttpServerRequest http) {
        SocketAddress remote = http == null ? null : http.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}

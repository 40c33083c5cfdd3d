package io.portcullis.enrollment.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The TCP peer address of a request (proxy headers are not trusted: they are the client's to forge). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}

package io.portcullis.ui.web;

import io.vertx.core.http.HttpServerRequest;

/** Facts about the HTTP request the UI needs: HTTPS (for the Secure cookie flag) and the client address (for the audit). */
public final class RequestFacts {

    private RequestFacts() {
    }

    /** True when the browser reached us over HTTPS (directly, or via a proxy Quarkus is configured to trust). */
    public static boolean secure(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    public static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}

package io.portcullis.ike.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Bounded HTTP for OCSP and CRL fetches: plain {@code http} only (RFC 5280 §4.2.1.13 and RFC 6960
 * Appendix A: revocation data is signed, so TLS adds nothing but a circular dependency), a
 * connect and an overall timeout, no redirects, and a cap on the body size.
 */
public final class HttpFetcher {

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    public HttpFetcher(Duration timeout, int maxBytes) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes below 1024 cannot hold an OCSP response");
        }
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Why a fetch produced no body; the message is for the decision log. */
    public static final class FetchException extends Exception {
        public FetchException(String message) {
            super(message);
        }
    }

    public byte[] get(URI uri) throws FetchException {
        return send(HttpRequest.newBuilder(checked(uri)).timeout(timeout).GET().build());
    }

    public byte[] post(URI uri, String contentType, byte[] body) throws FetchException {
        return send(HttpRequest.newBuilder(checked(uri)).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static URI checked(URI uri) throws FetchException {
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http") || uri.getHost() == null) {
            throw new FetchException("not an http URL: " + uri);
        }
        return uri;
    }

    private byte[] send(HttpRequest request) throws FetchException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchException(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(request.method() + " " + request.uri() + " interrupted");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new FetchException(request.method() + " " + request.uri() + " answered HTTP " + response.statusCode());
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new FetchException(request.uri() + " sent more than " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new FetchException("reading " + request.uri() + " failed: " + e);
        }
    }
}

package io.portcullis.ca.hierarchy;

import io.portcullis.ca.error.PortcullisException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where relying parties fetch revocation data and issuer certificates; these URLs are written
 * into every certificate, so they must be stable public addresses.
 *
 * <p>The root CA's CRL and certificate are published next to the issuing CA's files (same
 * directory), which is why {@link #rootCrlUrl()} and {@link #rootCaIssuersUrl()} are derived
 * rather than stored.
 */
public record PkiUrls(String crlUrl, String ocspUrl, String caIssuersUrl) {

    public PkiUrls {
        Objects.requireNonNull(crlUrl, "crlUrl");
        Objects.requireNonNull(ocspUrl, "ocspUrl");
        Objects.requireNonNull(caIssuersUrl, "caIssuersUrl");
    }

    /** URLs under the server's public base, e.g. {@code https://ca.example.org}. */
    public static PkiUrls forPublicBase(String publicBaseUrl) {
        return forPublicBase(publicBaseUrl, Optional.empty());
    }

    /**
     * As {@link #forPublicBase(String)}, with the OCSP responder elsewhere when {@code ocspUrl} is
     * given (a dedicated OCSP listener has a port of its own). It is copied as given, path included.
     */
    public static PkiUrls forPublicBase(String publicBaseUrl, Optional<String> ocspUrl) {
        String base = validated(publicBaseUrl, "public base URL");
        String ocsp = ocspUrl.isPresent() ? validated(ocspUrl.get(), "OCSP URL") : base + "/ocsp";
        return new PkiUrls(base + "/pki/issuing-ca.crl", ocsp, base + "/pki/issuing-ca.crt");
    }

    /** The root CA's CRL, which lists revoked issuing CAs; goes into the issuing CA's CDP. */
    public String rootCrlUrl() {
        return URI.create(crlUrl).resolve("root-ca.crl").toString();
    }

    /** The issuing CA's delta CRL; goes into end-entity certificates' freshestCRL extension. */
    public String deltaCrlUrl() {
        return deltaOf(crlUrl);
    }

    /** The root CA's delta CRL, named in the root's full CRL. */
    public String rootDeltaCrlUrl() {
        return deltaOf(rootCrlUrl());
    }

    /** {@code .../issuing-ca.crl} → {@code .../issuing-ca-delta.crl}: next to the full CRL it extends. */
    private static String deltaOf(String fullCrlUrl) {
        return fullCrlUrl.endsWith(".crl")
                ? fullCrlUrl.substring(0, fullCrlUrl.length() - 4) + "-delta.crl"
                : fullCrlUrl + "-delta";
    }

    /** The root CA's certificate; goes into the issuing CA's AIA caIssuers. */
    public String rootCaIssuersUrl() {
        return URI.create(caIssuersUrl).resolve("root-ca.crt").toString();
    }

    private static String validated(String url, String what) {
        if (url == null || url.isBlank()) {
            throw invalid(what, url, "it is empty");
        }
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw PortcullisException.badRequest("invalid-public-url", what + " '" + trimmed + "' is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw invalid(what, trimmed, "it must be an absolute http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw invalid(what, trimmed, "it has no host name");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // Anything here would be copied into every certificate and CRL URL.
            throw invalid(what, trimmed, "it must not contain user info, a query or a fragment");
        }
        String base = trimmed;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static PortcullisException invalid(String what, String url, String why) {
        return PortcullisException.badRequest("invalid-public-url", what + " '" + url + "' is invalid: " + why);
    }
}

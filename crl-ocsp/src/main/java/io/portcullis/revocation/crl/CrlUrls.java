package io.portcullis.revocation.crl;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.hierarchy.PkiUrls;

/** Where one CA's full and delta CRLs are published; the same URLs go into certificates and CRLs. */
public record CrlUrls(String fullUrl, String deltaUrl) {

    public static CrlUrls of(PkiUrls urls, String issuerId) {
        return switch (issuerId) {
            case CaIds.ISSUING -> new CrlUrls(urls.crlUrl(), urls.deltaCrlUrl());
            case CaIds.ROOT -> new CrlUrls(urls.rootCrlUrl(), urls.rootDeltaCrlUrl());
            default -> throw new IllegalArgumentException("no CRL for CA " + issuerId);
        };
    }
}

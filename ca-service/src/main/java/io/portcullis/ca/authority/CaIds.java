package io.portcullis.ca.authority;

/**
 * The ids of the two CAs of the hierarchy. Other modules name a CA by these ids (CRL URLs, OCSP
 * issuer, dashboards), so the ids live apart from the table that stores the CAs.
 */
public final class CaIds {

    public static final String ROOT = "root";
    public static final String ISSUING = "issuing";

    private CaIds() {
    }
}

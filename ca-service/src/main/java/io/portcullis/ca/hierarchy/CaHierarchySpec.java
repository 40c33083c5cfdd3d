package io.portcullis.ca.hierarchy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.keys.KeyAlgorithm;
import java.time.Duration;
import java.util.Objects;

/** What to generate on first start: a root CA and one issuing CA below it. */
public record CaHierarchySpec(
        String rootSubjectDn,
        KeyAlgorithm rootKey,
        Duration rootValidity,
        String issuingSubjectDn,
        KeyAlgorithm issuingKey,
        Duration issuingValidity,
        PkiUrls urls) {

    public static final String DEFAULT_ROOT_DN = "CN=Portcullis Root CA,O=Portcullis";
    public static final String DEFAULT_ISSUING_DN = "CN=Portcullis Issuing CA,O=Portcullis";

    public CaHierarchySpec {
        Objects.requireNonNull(rootSubjectDn, "rootSubjectDn");
        Objects.requireNonNull(rootKey, "rootKey");
        Objects.requireNonNull(rootValidity, "rootValidity");
        Objects.requireNonNull(issuingSubjectDn, "issuingSubjectDn");
        Objects.requireNonNull(issuingKey, "issuingKey");
        Objects.requireNonNull(issuingValidity, "issuingValidity");
        Objects.requireNonNull(urls, "urls");
        if (rootValidity.isNegative() || rootValidity.isZero() || issuingValidity.isNegative() || issuingValidity.isZero()) {
            throw PortcullisException.badRequest("invalid-hierarchy-spec", "CA validity periods must be positive");
        }
        if (issuingValidity.compareTo(rootValidity) > 0) {
            throw PortcullisException.badRequest("invalid-hierarchy-spec",
                    "the issuing CA (" + issuingValidity.toDays() + " days) cannot outlive the root (" + rootValidity.toDays() + " days)");
        }
    }

    /** Root: P-384, 20 years (it signs rarely and must outlive everything); issuing: P-256, 10 years. */
    public static CaHierarchySpec defaults(PkiUrls urls) {
        return new CaHierarchySpec(DEFAULT_ROOT_DN, KeyAlgorithm.EC_P384, years(20),
                DEFAULT_ISSUING_DN, KeyAlgorithm.EC_P256, years(10), urls);
    }

    /** Calendar-ish years including leap days, since {@code Duration} has no year unit. */
    public static Duration years(int years) {
        return Duration.ofDays(365L * years + years / 4);
    }
}

package io.portcullis.ca.profile;

import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.issuance.CsrDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a profile may look at: the checked CSR, the current time, an optional requested validity,
 * the issuing CA, and the IP address blocks the caller has authorised for the subject (enrollment
 * passes a peer's registered subnets; they never come from the CSR).
 */
public record ProfileInput(
        CsrDetails csr,
        Instant now,
        Optional<Duration> requestedValidity,
        X509CertificateHolder issuer,
        PkiUrls urls,
        Optional<IpAddressBlocks> ipAddressBlocks) {

    public ProfileInput(CsrDetails csr, Instant now, Optional<Duration> requestedValidity, X509CertificateHolder issuer, PkiUrls urls) {
        this(csr, now, requestedValidity, issuer, urls, Optional.empty());
    }

    public ProfileInput {
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(requestedValidity, "requestedValidity");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(ipAddressBlocks, "ipAddressBlocks");
    }
}

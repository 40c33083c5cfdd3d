package io.portcullis.ca.issuance;

import io.portcullis.ca.profile.IpAddressBlocks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to issue one certificate: the PKCS#10 (PEM or base64 DER), the profile to apply, an
 * optional validity the requester asks for (the profile caps it), who is asking (for audit), and
 * optionally the IP address blocks the subject is authorised for (RFC 3779; only profiles with an
 * {@code IpAddressBlocksRule} accept them, the others refuse the request).
 */
public record IssueRequest(String csr, String profile, Optional<Duration> requestedValidity, String requester,
        Optional<IpAddressBlocks> ipAddressBlocks) {

    public IssueRequest {
        Objects.requireNonNull(requestedValidity, "requestedValidity");
        Objects.requireNonNull(ipAddressBlocks, "ipAddressBlocks");
    }

    public IssueRequest(String csr, String profile, Optional<Duration> requestedValidity, String requester) {
        this(csr, profile, requestedValidity, requester, Optional.empty());
    }
}

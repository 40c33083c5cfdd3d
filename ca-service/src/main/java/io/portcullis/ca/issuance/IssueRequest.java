package io.portcullis.ca.issuance;

import java.time.Duration;
import java.util.Optional;

/**
 * A request to issue one certificate: the PKCS#10 (PEM or base64 DER), the profile to apply, an
 * optional validity the requester asks for (the profile caps it) and who is asking (for audit).
 */
public record IssueRequest(String csr, String profile, Optional<Duration> requestedValidity, String requester) {
}

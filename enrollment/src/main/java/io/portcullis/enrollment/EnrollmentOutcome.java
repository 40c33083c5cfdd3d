package io.portcullis.enrollment;

import io.portcullis.enrollment.request.RequestStatus;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/** What became of an enrollment: issued (certificate and chain), pending approval, or rejected. */
public record EnrollmentOutcome(String requestId, String peerName, RequestStatus status, Optional<X509CertificateHolder> certificate,
        List<X509CertificateHolder> chain, String reason) {
}

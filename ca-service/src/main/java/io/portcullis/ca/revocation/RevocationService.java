package io.portcullis.ca.revocation;

import io.portcullis.ca.audit.AuditAction;
import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.store.CertificateRecord;
import io.portcullis.ca.store.CertificateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Revokes certificates and releases them from hold. Repeating a request is harmless: revoking
 * again with the same reason changes nothing and publishes nothing.
 */
@ApplicationScoped
public class RevocationService {

    private final CertificateRepository certificates;
    private final AuditLog audit;
    private final Event<CertificateRevoked> revoked;
    private final Event<CertificateReleased> released;
    private final Clock clock;

    public RevocationService(CertificateRepository certificates, AuditLog audit, Event<CertificateRevoked> revoked,
            Event<CertificateReleased> released, Clock clock) {
        this.certificates = certificates;
        this.audit = audit;
        this.revoked = revoked;
        this.released = released;
        this.clock = clock;
    }

    public record RevokeRequest(BigInteger serial, RevocationReason reason, Optional<Instant> invalidityDate, String actor) {
    }

    /** The certificate as it stands after the request. */
    @Transactional
    public StoredCertificate revoke(RevokeRequest request) {
        CertificateRecord cert = lockedCertificate(request.serial());
        Instant now = clock.instant();
        request.invalidityDate().ifPresent(d -> {
            if (d.isAfter(now)) {
                throw PortcullisException.badRequest("invalid-invalidity-date", "invalidityDate cannot be in the future");
            }
        });
        RevocationReason reason = request.reason();
        switch (cert.status) {
            case REVOKED -> {
                if (reason.rfcName().equals(cert.revocationReason)) {
                    return cert.snapshot();
                }
                throw PortcullisException.conflict("already-revoked",
                        "certificate " + cert.serialHex + " is already revoked with reason " + cert.revocationReason);
            }
            case ON_HOLD -> {
                if (reason == RevocationReason.CERTIFICATE_HOLD) {
                    return cert.snapshot();
                }
                // Hold made permanent: the revocation date stays the date the hold began (RFC 5280 §5.3.1).
                cert.status = CertificateStatus.REVOKED;
            }
            case VALID -> {
                cert.status = reason == RevocationReason.CERTIFICATE_HOLD ? CertificateStatus.ON_HOLD : CertificateStatus.REVOKED;
                cert.revokedAt = now;
            }
            case RESERVED -> throw notFound(cert.serialHex);
        }
        cert.revocationReason = reason.rfcName();
        cert.invalidityDate = request.invalidityDate().orElse(null);
        audit.append(AuditEvent.success(request.actor(), AuditAction.CERTIFICATE_REVOKED, cert.serialHex,
                "reason " + reason.rfcName() + "; subject " + cert.subjectDn));
        revoked.fire(new CertificateRevoked(request.serial(), cert.issuerId, reason, cert.revokedAt,
                Optional.ofNullable(cert.invalidityDate)));
        return cert.snapshot();
    }

    /** The certificate as it stands after the request. */
    @Transactional
    public StoredCertificate release(BigInteger serial, String actor) {
        CertificateRecord cert = lockedCertificate(serial);
        if (cert.status == CertificateStatus.VALID) {
            return cert.snapshot();
        }
        if (cert.status != CertificateStatus.ON_HOLD) {
            throw PortcullisException.conflict("not-on-hold",
                    "only a certificate on hold can be released; " + cert.serialHex + " is " + cert.status.name().toLowerCase());
        }
        cert.status = CertificateStatus.VALID;
        cert.revokedAt = null;
        cert.revocationReason = null;
        cert.invalidityDate = null;
        Instant now = clock.instant();
        audit.append(AuditEvent.success(actor, AuditAction.CERTIFICATE_RELEASED, cert.serialHex, "released from hold"));
        released.fire(new CertificateReleased(serial, cert.issuerId, now));
        return cert.snapshot();
    }

    private CertificateRecord lockedCertificate(BigInteger serial) {
        CertificateRecord cert = certificates.findById(Serials.toHex(serial), LockModeType.PESSIMISTIC_WRITE);
        if (cert == null || cert.status == CertificateStatus.RESERVED) {
            throw notFound(Serials.toHex(serial));
        }
        return cert;
    }

    private static PortcullisException notFound(String serialHex) {
        return PortcullisException.notFound("certificate-not-found", "no certificate with serial " + serialHex);
    }
}

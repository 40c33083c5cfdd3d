package io.portcullis.enrollment;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.keys.BcProvider;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerCertificate;
import io.portcullis.enrollment.peer.PeerCertificateRepository;
import io.portcullis.enrollment.peer.PeerRepository;
import io.portcullis.enrollment.request.Channel;
import io.portcullis.enrollment.request.EnrollmentRequest;
import io.portcullis.enrollment.request.EnrollmentRequestRepository;
import io.portcullis.enrollment.request.RequestStatus;
import io.portcullis.enrollment.secret.EnrollmentLimits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Renewal and re-key without a secret: the peer proves itself with its current certificate —
 * issued by this CA, unrevoked, unexpired, belonging to an active peer — and a signature made with
 * that certificate's key (over the new CSR for REST; over the SCEP message for RenewalReq).
 */
@ApplicationScoped
public class RenewalService {

    private final CsrParser csrParser = new CsrParser();

    private final CertificateReader certificates;
    private final PeerCertificateRepository peerCertificates;
    private final PeerRepository peers;
    private final EnrollmentRequestRepository requests;
    private final EnrollmentService enrollment;
    private final PeerIssuer issuer;
    private final CaKeyring keyring;
    private final EnrollmentLimits limits;
    private final AuditLog audit;
    private final Clock clock;

    public RenewalService(CertificateReader certificates, PeerCertificateRepository peerCertificates, PeerRepository peers,
            EnrollmentRequestRepository requests, EnrollmentService enrollment, PeerIssuer issuer, CaKeyring keyring,
            EnrollmentLimits limits, AuditLog audit, Clock clock) {
        this.certificates = certificates;
        this.peerCertificates = peerCertificates;
        this.peers = peers;
        this.requests = requests;
        this.enrollment = enrollment;
        this.issuer = issuer;
        this.keyring = keyring;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    /** REST: {@code signature} is made with the current certificate's key over the new CSR's DER bytes. */
    public EnrollmentOutcome renewWithSignature(X509CertificateHolder current, byte[] csrDer, byte[] signature, String clientAddress) {
        limits.checkAddress(clientAddress);
        if (!signatureValid(current, csrDer, signature)) {
            refuse(current, clientAddress, new EnrollmentRefusal(ProblemKind.FORBIDDEN, "renewal-signature-invalid",
                    "the signature does not verify with the current certificate's key over the CSR (sign the CSR's DER bytes with SHA-256)",
                    null, null, "renewal signature invalid"));
        }
        return renew(current, csrDer, Channel.RENEWAL, clientAddress, Optional.empty());
    }

    /** Renews for a caller whose possession of the current certificate's key has been verified already. */
    public EnrollmentOutcome renew(X509CertificateHolder current, byte[] csrDer, Channel channel, String clientAddress,
            Optional<String> transactionId) {
        limits.checkAddress(clientAddress);
        CsrDetails csr = csrParser.parseDer(csrDer);
        try {
            return QuarkusTransaction.joiningExisting().call(() -> renewLocked(current, csrDer, csr, channel, clientAddress, transactionId));
        } catch (EnrollmentRefusal refusal) {
            refuse(current, clientAddress, refusal);
            throw refusal;
        }
    }

    private EnrollmentOutcome renewLocked(X509CertificateHolder current, byte[] csrDer, CsrDetails csr, Channel channel,
            String clientAddress, Optional<String> transactionId) {
        if (!issuedByUs(current)) {
            throw refusal(null, "certificate-unknown", "the current certificate was not issued by this CA", "certificate not ours");
        }
        String serial = Serials.toHex(current.getSerialNumber());
        PeerCertificate owned = peerCertificates.findById(serial);
        if (owned == null) {
            throw refusal(null, "certificate-unknown", "certificate " + serial + " was not issued to an enrolled peer", "certificate of no peer");
        }
        Peer peer = peers.lock(owned.peerId);
        StoredCertificate record = certificates.find(serial).orElseThrow(() -> new IllegalStateException(
                "certificate " + serial + " of peer " + owned.peerId + " is not stored"));
        Instant now = clock.instant();
        if (record.status() != CertificateStatus.VALID) {
            throw refusal(peer, "certificate-revoked", "certificate " + serial + " is " + record.status().name().toLowerCase()
                    + "; enroll again with a new secret", "current certificate " + record.status().name().toLowerCase());
        }
        if (!now.isBefore(record.notAfter())) {
            throw refusal(peer, "certificate-expired", "certificate " + serial + " expired at " + record.notAfter()
                    + "; enroll again with a new secret", "current certificate expired");
        }
        if (!peer.isActive()) {
            throw refusal(peer, "peer-inactive", "peer " + peer.name + " is " + peer.status.wireName(), "peer " + peer.status.wireName());
        }
        limits.checkPeer(peer.id, peer.name);
        Optional<String> mismatch = peer.identity().mismatch(csr);
        if (mismatch.isPresent()) {
            throw new EnrollmentRefusal(ProblemKind.BAD_REQUEST, "identity-mismatch", mismatch.get(), peer.id, peer.name,
                    "identity mismatch: " + mismatch.get());
        }
        if (transactionId.isPresent()) {
            Optional<EnrollmentRequest> earlier = requests.byTransaction(transactionId.get()).filter(r -> r.peerId.equals(peer.id));
            if (earlier.isPresent() && earlier.get().publicKeySha256.equals(EnrollmentService.publicKeyHash(csr))) {
                return enrollment.outcomeOf(earlier.get(), peer.name);
            }
        }
        String requester = "peer:" + peer.name;
        IssuedCertificate issued = issuer.issue(peer, csrDer, requester);
        EnrollmentRequest request = enrollment.newRequest(peer,
                new EnrollmentAttempt(Optional.of(peer.id), null, csrDer, channel, clientAddress, transactionId), csr, now);
        request.status = RequestStatus.ISSUED;
        request.certificateSerial = Serials.toHex(issued.serial());
        request.decidedAt = now;
        request.decidedBy = "renewal";
        requests.persist(request);
        audit.append(AuditEvent.success(requester, EnrollmentAudit.RENEWED, peer.label(),
                channel.name().toLowerCase() + " from " + clientAddress + "; old serial " + serial + "; new serial " + request.certificateSerial));
        return new EnrollmentOutcome(request.id, peer.name, RequestStatus.ISSUED, Optional.of(issued.certificate()), issued.chain(), null);
    }

    private boolean issuedByUs(X509CertificateHolder current) {
        try {
            return current.getIssuer().equals(keyring.issuing().certificate().getSubject())
                    && current.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BcProvider.INSTANCE)
                            .build(keyring.issuing().certificate()));
        } catch (Exception e) {
            return false;
        }
    }

    static boolean signatureValid(X509CertificateHolder certificate, byte[] data, byte[] signature) {
        if (signature == null || signature.length == 0 || data == null) {
            return false;
        }
        try {
            PublicKey key = new JcaX509CertificateConverter().setProvider(BcProvider.INSTANCE).getCertificate(certificate).getPublicKey();
            boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(certificate.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm());
            Signature verifier = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA", BcProvider.INSTANCE);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private void refuse(X509CertificateHolder current, String clientAddress, EnrollmentRefusal refusal) {
        limits.recordFailure(refusal.peerId(), clientAddress);
        audit.appendIndependently(AuditEvent.failure(EnrollmentService.actor(refusal.peerName(), clientAddress), EnrollmentAudit.REFUSED,
                refusal.peerName() == null ? "serial " + Serials.toHex(current.getSerialNumber()) : refusal.peerName(),
                "renewal from " + clientAddress + ": " + refusal.auditReason()));
        throw refusal;
    }

    private static EnrollmentRefusal refusal(Peer peer, String type, String detail, String auditReason) {
        return new EnrollmentRefusal(ProblemKind.FORBIDDEN, type, detail, peer == null ? null : peer.id, peer == null ? null : peer.name,
                auditReason);
    }

    static PortcullisException badCertificate(String detail) {
        return PortcullisException.badRequest("invalid-certificate", detail);
    }
}

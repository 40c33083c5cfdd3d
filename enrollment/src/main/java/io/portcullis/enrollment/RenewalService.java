package io.portcullis.enrollment;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.keys.BcProvider;
import io.portcullis.enrollment.peer.Peer;
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

/**
 * Renewal and re-key without a secret: the peer proves itself with its current certificate —
 * issued by this CA, unrevoked, unexpired, belonging to an active peer — and a signature made with
 * that certificate's key (over the new CSR for REST; over the SCEP message for RenewalReq).
 */
@ApplicationScoped
public class RenewalService {

    private final CsrParser csrParser = new CsrParser();

    private final RenewableCertificates renewable;
    private final EnrollmentRequestRepository requests;
    private final EnrollmentService enrollment;
    private final PeerIssuer issuer;
    private final EnrollmentLimits limits;
    private final AuditLog audit;
    private final Clock clock;

    public RenewalService(RenewableCertificates renewable, EnrollmentRequestRepository requests, EnrollmentService enrollment,
            PeerIssuer issuer, EnrollmentLimits limits, AuditLog audit, Clock clock) {
        this.renewable = renewable;
        this.requests = requests;
        this.enrollment = enrollment;
        this.issuer = issuer;
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
        Peer peer = renewable.lockOwner(current);
        String serial = Serials.toHex(current.getSerialNumber());
        Instant now = clock.instant();
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

    static PortcullisException badCertificate(String detail) {
        return PortcullisException.badRequest("invalid-certificate", detail);
    }
}

package io.portcullis.revocation.ocsp;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.issuance.IssuancePipeline;
import io.portcullis.ca.issuance.IssueRequest;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.keys.KeyAlgorithm;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ca.signing.SoftwareCaSigner;
import io.portcullis.ca.signing.SoftwareContentSigners;
import io.portcullis.revocation.config.OcspConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.logging.Logger;

/**
 * The delegated OCSP responder certificate (RFC 6960 4.2.2.2): each server process generates its
 * own key in memory and has the issuing CA certify it through the ordinary issuance pipeline
 * (profile {@code ocsp-signer}: EKU OCSPSigning, id-pkix-ocsp-nocheck, short validity). The
 * private key is never written anywhere, so there is nothing to steal at rest; a restart or a
 * rotation simply certifies a new key. Rotation happens on first use after {@code renew-before}
 * of the lifetime remains, while the old certificate still signs for the requests in flight.
 */
@ApplicationScoped
public class ResponderCertificates {

    public static final String AUDIT_ROTATED = "ocsp.responder-rotated";
    public static final String SUBJECT = "CN=Portcullis OCSP Responder,O=Portcullis";

    private static final Logger LOG = Logger.getLogger(ResponderCertificates.class);

    private final IssuancePipeline pipeline;
    private final AuditLog audit;
    private final OcspConfig config;
    private final Clock clock;
    private final SecureRandom random;
    private final ReentrantLock rotation = new ReentrantLock();
    private final List<Runnable> rotationListeners = new ArrayList<>();
    private volatile ResponderCredentials current;

    public ResponderCertificates(IssuancePipeline pipeline, AuditLog audit, OcspConfig config, Clock clock, SecureRandom random) {
        this.pipeline = pipeline;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.random = random;
    }

    /** Called after every rotation (the response cache drops responses signed by the old key). */
    public void onRotation(Runnable listener) {
        synchronized (rotationListeners) {
            rotationListeners.add(listener);
        }
    }

    /** The responder to sign with now, rotating it first when it is due. */
    public ResponderCredentials current() {
        ResponderCredentials credentials = current;
        if (credentials != null && !renewalDue(credentials)) {
            return credentials;
        }
        if (credentials != null && !rotation.tryLock()) {
            // Another thread is rotating; the old certificate is still valid for a while yet.
            return credentials;
        }
        if (credentials == null) {
            rotation.lock();
        }
        try {
            if (current == null || renewalDue(current)) {
                current = issue();
                List<Runnable> listeners;
                synchronized (rotationListeners) {
                    listeners = List.copyOf(rotationListeners);
                }
                listeners.forEach(Runnable::run);
            }
            return current;
        } finally {
            rotation.unlock();
        }
    }

    private boolean renewalDue(ResponderCredentials credentials) {
        return !clock.instant().isBefore(credentials.notAfter().minus(config.signer().renewBefore()));
    }

    private ResponderCredentials issue() {
        KeyAlgorithm algorithm = KeyAlgorithm.parse(config.signer().keyAlgorithm());
        KeyPair keys = algorithm.generate(random);
        String csr = PemCodec.toPem(csr(keys, algorithm));
        IssuedCertificate issued = QuarkusTransaction.requiringNew().call(() -> {
            IssuedCertificate certificate = pipeline.issue(new IssueRequest(csr, ProfileRegistry.OCSP_SIGNER,
                    Optional.of(config.signer().validity()), "system:ocsp"));
            audit.append(AuditEvent.success("system:ocsp", AUDIT_ROTATED, certificate.serial().toString(16),
                    "delegated OCSP responder certificate valid until " + certificate.certificate().getNotAfter().toInstant()
                            + "; " + algorithm.name() + " key generated in memory"));
            return certificate;
        });
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        SoftwareCaSigner signer = new SoftwareCaSigner(keys.getPrivate(), chain, random);
        LOG.infof("OCSP responder certificate %s issued, valid until %s", issued.serial().toString(16),
                issued.certificate().getNotAfter().toInstant());
        return new ResponderCredentials(signer, responderId(issued.certificate().getSubjectPublicKeyInfo()));
    }

    private PKCS10CertificationRequest csr(KeyPair keys, KeyAlgorithm algorithm) {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(SUBJECT), keys.getPublic())
                .build(SoftwareContentSigners.create(keys.getPrivate(), algorithm.signatureAlgorithm(), random));
    }

    /** ResponderID byKey: SHA-1 of the key (RFC 6960 4.2.1; RFC 5019 2.2.3 prefers it to byName). */
    static RespID responderId(SubjectPublicKeyInfo key) {
        try {
            DigestCalculator sha1 = new BcDigestCalculatorProvider().get(RespID.HASH_SHA1);
            return new RespID(key, sha1);
        } catch (OperatorCreationException | OCSPException e) {
            throw new IllegalStateException("cannot compute the responder ID", e);
        }
    }

}

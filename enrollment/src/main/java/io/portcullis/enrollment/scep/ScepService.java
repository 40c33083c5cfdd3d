package io.portcullis.enrollment.scep;

import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.enrollment.EnrollmentAttempt;
import io.portcullis.enrollment.EnrollmentOutcome;
import io.portcullis.enrollment.EnrollmentService;
import io.portcullis.enrollment.RenewalService;
import io.portcullis.enrollment.request.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jboss.logging.Logger;

/**
 * SCEP (RFC 8894) operations: GetCACaps, GetCACert and PKIOperation (PKCSReq, RenewalReq,
 * CertPoll, GetCert, GetCRL). Every PKIOperation that carries a transactionID is answered with a
 * CertRep — FAILURE with a failInfo when it cannot be served — never with an HTTP error.
 */
@ApplicationScoped
public class ScepService {

    private static final Logger LOG = Logger.getLogger(ScepService.class);
    /**
     * Every capability listed is served. SHA-384 matters beyond itself: strongSwan 5.9.x (Debian 12)
     * tests its capability flags by enum index rather than by bit, and only the SHA-384 line makes
     * its checks for SHA-256 and AES succeed (through the SCEPStandard test).
     */
    public static final String CAPABILITIES = String.join("\n", "AES", "POSTPKIOperation", "Renewal", "SCEPStandard", "SHA-256",
            "SHA-384", "SHA-512") + "\n";

    private final CsrParser csrParser = new CsrParser();
    private final PkiMessageReader reader;
    private final CertRepWriter writer;
    private final ScepRa ra;
    private final CaKeyring keyring;
    private final EnrollmentService enrollment;
    private final RenewalService renewal;
    private final CertificateReader certificates;
    private final Instance<CrlSource> crls;

    public ScepService(ScepRa ra, CaKeyring keyring, EnrollmentService enrollment, RenewalService renewal, CertificateReader certificates,
            Instance<CrlSource> crls, Clock clock, SecureRandom random) {
        this.reader = new PkiMessageReader(clock);
        this.writer = new CertRepWriter(random);
        this.ra = ra;
        this.keyring = keyring;
        this.enrollment = enrollment;
        this.renewal = renewal;
        this.certificates = certificates;
        this.crls = crls;
    }

    /** GetCACert: the RA certificate, then the CA chain (issuing CA, root), as a certs-only PKCS#7. */
    public byte[] caCertificates() {
        List<X509CertificateHolder> certs = new ArrayList<>();
        certs.add(ra.certificate());
        certs.addAll(keyring.chain());
        return Pkcs7.certsOnly(certs, List.of());
    }

    /** @throws PkiMessageReader.Unreadable when the bytes are not a pkiMessage at all (nothing to answer to) */
    public byte[] pkiOperation(byte[] message, String clientAddress) {
        PkiMessage request = reader.read(message);
        CertRepWriter.Signer signer = ra.signer();
        try {
            request.problem().ifPresent(p -> {
                throw p;
            });
            return switch (request.messageType().code()) {
                case 19 -> enroll(request, signer, clientAddress);
                case 17 -> renew(request, signer, clientAddress);
                case 20 -> poll(request, signer);
                case 21 -> getCert(request, signer);
                case 22 -> getCrl(request, signer);
                default -> throw new ScepFailure(FailInfo.BAD_REQUEST, "messageType " + request.messageType() + " is not a request this server serves");
            };
        } catch (ScepFailure failure) {
            LOG.debugf("SCEP %s %s from %s: FAILURE %s (%s)", request.messageType(), request.transactionId(), clientAddress,
                    failure.failInfo(), failure.getMessage());
            return writer.failure(request, failure.failInfo(), failure.getMessage(), signer);
        } catch (PortcullisException refused) {
            return writer.failure(request, FailInfo.BAD_REQUEST, refused.type() + ": " + refused.detail(), signer);
        }
    }

    private byte[] enroll(PkiMessage request, CertRepWriter.Signer signer, String clientAddress) {
        ScepEnvelope.Opened opened = ScepEnvelope.open(request.envelope(), signer.key());
        CsrDetails csr = parseCsr(opened.content());
        if (!csr.publicKey().equals(request.signer().getSubjectPublicKeyInfo())) {
            throw new ScepFailure(FailInfo.BAD_MESSAGE_CHECK, "the message is not signed with the key of the CSR it carries");
        }
        String challenge = challengePassword(csr).orElseThrow(() -> new ScepFailure(FailInfo.BAD_REQUEST,
                "the CSR has no challengePassword; put the peer's enrollment secret there"));
        EnrollmentOutcome outcome = enrollment.enroll(new EnrollmentAttempt(Optional.empty(), challenge, opened.content(), Channel.SCEP,
                clientAddress, Optional.of(request.transactionId())));
        return answer(request, outcome, opened, signer);
    }

    private byte[] renew(PkiMessage request, CertRepWriter.Signer signer, String clientAddress) {
        ScepEnvelope.Opened opened = ScepEnvelope.open(request.envelope(), signer.key());
        parseCsr(opened.content());
        EnrollmentOutcome outcome = renewal.renew(request.signer(), opened.content(), Channel.SCEP, clientAddress,
                Optional.of(request.transactionId()));
        return answer(request, outcome, opened, signer);
    }

    private byte[] poll(PkiMessage request, CertRepWriter.Signer signer) {
        ScepEnvelope.Opened opened = ScepEnvelope.open(request.envelope(), signer.key());
        try {
            ASN1Sequence issuerAndSubject = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(opened.content()));
            X500Name.getInstance(issuerAndSubject.getObjectAt(0));
            X500Name.getInstance(issuerAndSubject.getObjectAt(1));
        } catch (IOException | RuntimeException e) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "CertPoll content is not an IssuerAndSubject");
        }
        EnrollmentOutcome outcome = enrollment.byTransaction(request.transactionId())
                .orElseThrow(() -> new ScepFailure(FailInfo.BAD_CERT_ID, "unknown transaction " + request.transactionId()));
        String signerKey = sha256(request.signer().getSubjectPublicKeyInfo());
        if (!enrollment.publicKeyHashOf(outcome.requestId()).map(signerKey::equals).orElse(false)) {
            throw new ScepFailure(FailInfo.BAD_MESSAGE_CHECK, "the poll is not signed with the key of transaction " + request.transactionId());
        }
        return answer(request, outcome, opened, signer);
    }

    private byte[] getCert(PkiMessage request, CertRepWriter.Signer signer) {
        ScepEnvelope.Opened opened = ScepEnvelope.open(request.envelope(), signer.key());
        IssuerAndSerialNumber wanted = issuerAndSerial(opened.content());
        if (!wanted.getName().equals(keyring.issuing().certificate().getSubject())) {
            throw new ScepFailure(FailInfo.BAD_CERT_ID, "this server issues only as " + keyring.issuing().certificate().getSubject());
        }
        String serial = Serials.toHex(wanted.getSerialNumber().getValue());
        StoredCertificate record = certificates.find(serial)
                .orElseThrow(() -> new ScepFailure(FailInfo.BAD_CERT_ID, "no certificate with serial " + serial));
        try {
            byte[] inner = Pkcs7.certsOnly(List.of(new X509CertificateHolder(record.certificateDer())), List.of());
            return writer.success(request, ScepEnvelope.seal(inner, requester(request), opened.cipher()), signer);
        } catch (IOException e) {
            throw new ScepFailure(FailInfo.BAD_CERT_ID, "the stored certificate is unreadable");
        }
    }

    private byte[] getCrl(PkiMessage request, CertRepWriter.Signer signer) {
        ScepEnvelope.Opened opened = ScepEnvelope.open(request.envelope(), signer.key());
        IssuerAndSerialNumber about = issuerAndSerial(opened.content());
        if (!about.getName().equals(keyring.issuing().certificate().getSubject())) {
            throw new ScepFailure(FailInfo.BAD_CERT_ID, "this server publishes CRLs only for " + keyring.issuing().certificate().getSubject());
        }
        Optional<byte[]> crl = crls.isResolvable() ? crls.get().currentCrl() : Optional.empty();
        if (crl.isEmpty()) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "no CRL is published by this server yet");
        }
        try {
            byte[] inner = Pkcs7.certsOnly(List.of(), List.of(new X509CRLHolder(crl.get())));
            return writer.success(request, ScepEnvelope.seal(inner, requester(request), opened.cipher()), signer);
        } catch (IOException e) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "the published CRL is unreadable");
        }
    }

    private byte[] answer(PkiMessage request, EnrollmentOutcome outcome, ScepEnvelope.Opened opened, CertRepWriter.Signer signer) {
        return switch (outcome.status()) {
            case ISSUED -> {
                List<X509CertificateHolder> certs = new ArrayList<>();
                certs.add(outcome.certificate().get());
                certs.addAll(outcome.chain());
                yield writer.success(request, ScepEnvelope.seal(Pkcs7.certsOnly(certs, List.of()), requester(request), opened.cipher()), signer);
            }
            case PENDING -> writer.pending(request, signer);
            case REJECTED -> writer.failure(request, FailInfo.BAD_REQUEST, "rejected: " + outcome.reason(), signer);
        };
    }

    private CsrDetails parseCsr(byte[] der) {
        try {
            return csrParser.parseDer(der);
        } catch (PortcullisException e) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, e.type() + ": " + e.detail());
        }
    }

    private static java.security.cert.X509Certificate requester(PkiMessage request) {
        if (!org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption.equals(
                request.signer().getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())) {
            throw new ScepFailure(FailInfo.BAD_ALG, "responses are encrypted to the signer's key, which must be RSA");
        }
        return PemCodec.toJca(request.signer());
    }

    private static IssuerAndSerialNumber issuerAndSerial(byte[] content) {
        try {
            return IssuerAndSerialNumber.getInstance(ASN1Primitive.fromByteArray(content));
        } catch (IOException | RuntimeException e) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "the content is not an IssuerAndSerialNumber");
        }
    }

    static Optional<String> challengePassword(CsrDetails csr) {
        for (Attribute attribute : csr.request().toASN1Structure().getCertificationRequestInfo().getAttributes().toArray().length == 0
                ? new Attribute[0] : attributes(csr)) {
            if (PKCSObjectIdentifiers.pkcs_9_at_challengePassword.equals(attribute.getAttrType())) {
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                if (value instanceof ASN1String s) {
                    return Optional.of(s.getString());
                }
            }
        }
        return Optional.empty();
    }

    private static Attribute[] attributes(CsrDetails csr) {
        var set = csr.request().toASN1Structure().getCertificationRequestInfo().getAttributes();
        Attribute[] out = new Attribute[set.size()];
        for (int i = 0; i < set.size(); i++) {
            out[i] = Attribute.getInstance(set.getObjectAt(i));
        }
        return out;
    }

    private static String sha256(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded("DER")));
        } catch (Exception e) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "the signer's key cannot be encoded");
        }
    }
}

package io.portcullis.ca.issuance;

import io.portcullis.ca.audit.AuditAction;
import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.profile.CertificateDraft;
import io.portcullis.ca.profile.CertificateProfile;
import io.portcullis.ca.profile.IpAddressBlocks;
import io.portcullis.ca.profile.ProfileInput;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ca.signing.CaSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Issuance as a visible pipeline of small steps:
 * <ol>
 *   <li>validate the CSR (decoding, proof of possession),</li>
 *   <li>check the key against the key policy,</li>
 *   <li>apply the certificate profile,</li>
 *   <li>draw a random serial,</li>
 *   <li>assemble the to-be-signed certificate and lint it,</li>
 *   <li>sign,</li>
 *   <li>store (the serial's primary key keeps it unique),</li>
 *   <li>audit.</li>
 * </ol>
 * Steps 4–8 run in one transaction (the caller's, if it has one), so a failure stores nothing.
 * Refused requests are audited too, in a transaction of their own.
 */
@ApplicationScoped
public class IssuancePipeline {

    private final CsrParser csrParser = new CsrParser();
    private final KeyPolicy keyPolicy = new KeyPolicy();
    private final ProfileRegistry profiles = ProfileRegistry.standard();
    private final TbsCertificateAssembler assembler = new TbsCertificateAssembler();
    private final CertificateLinter linter = new CertificateLinter();
    private final CertificateSigningStep signing = new CertificateSigningStep();

    private final CaKeyring keyring;
    private final SerialNumberGenerator serials;
    private final IssuedCertificateWriter writer;
    private final AuditLog audit;
    private final Clock clock;
    private final PkiUrls urls;

    public IssuancePipeline(CaKeyring keyring, SecureRandom random, IssuedCertificateWriter writer, AuditLog audit,
            Clock clock, PortcullisConfig config) {
        this.keyring = keyring;
        this.serials = new SerialNumberGenerator(random);
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
        this.urls = PkiUrls.forPublicBase(config.publicUrl(), config.ocspUrl());
    }

    public IssuedCertificate issue(IssueRequest request) {
        CaSigner issuer = keyring.issuing();
        CertificateDraft draft;
        try {
            CsrDetails csr = csrParser.parse(request.csr());
            keyPolicy.check(csr.publicKey());
            CertificateProfile profile = profiles.get(request.profile());
            draft = profile.apply(new ProfileInput(csr, clock.instant(), request.requestedValidity(),
                    issuer.certificate(), urls, request.ipAddressBlocks()));
            if (request.ipAddressBlocks().isPresent()
                    && draft.extensions().stream().noneMatch(e -> e.getExtnId().equals(IpAddressBlocks.OID))) {
                throw PortcullisException.badRequest("ip-address-blocks-not-allowed",
                        "profile " + request.profile() + " does not carry RFC 3779 IP address blocks; use " + ProfileRegistry.IKE_GATEWAY);
            }
        } catch (PortcullisException refused) {
            if (refused.kind() == ProblemKind.BAD_REQUEST) {
                audit.appendIndependently(AuditEvent.failure(request.requester(), AuditAction.CERTIFICATE_ISSUE_REFUSED,
                        String.valueOf(request.profile()), refused.type() + ": " + refused.detail()));
            }
            throw refused;
        }
        return QuarkusTransaction.joiningExisting().call(() -> signAndStore(request, draft, issuer));
    }

    private IssuedCertificate signAndStore(IssueRequest request, CertificateDraft draft, CaSigner issuer) {
        BigInteger serial = serials.next();
        TBSCertificate tbs = assembler.assemble(draft, serial, issuer);
        linter.lint(tbs, issuer.certificate());
        X509CertificateHolder certificate = signing.sign(tbs, issuer);
        writer.store(serial, certificate, request.profile(), request.requester());
        audit.append(AuditEvent.success(request.requester(), AuditAction.CERTIFICATE_ISSUED, serial.toString(16),
                "profile " + request.profile() + "; subject " + certificate.getSubject()
                        + "; san " + String.join(" ", SanText.render(certificate.getExtensions()))));
        return new IssuedCertificate(serial, certificate, issuer.chain());
    }
}

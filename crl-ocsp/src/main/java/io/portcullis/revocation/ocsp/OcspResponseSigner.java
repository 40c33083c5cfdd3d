package io.portcullis.revocation.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * Builds and signs a successful OCSPResponse (RFC 6960 4.2.1, RFC 5019 profile): ResponderID by
 * key hash, the responder certificate in {@code certs}, every time to the whole second (RFC 5019
 * 2.2.4 forbids fractions; Bouncy Castle would keep milliseconds), producedAt given explicitly
 * rather than left to Bouncy Castle's "now".
 */
public final class OcspResponseSigner {

    /** One answer: the request's CertID echoed exactly, the state, and the validity of that state. */
    public record Answer(CertID certId, CertState state, Instant thisUpdate, Instant nextUpdate) {
    }

    private OcspResponseSigner() {
    }

    public static byte[] sign(ResponderCredentials responder, List<Answer> answers, Optional<Extension> nonce, Instant producedAt) {
        try {
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responder.responderId());
            for (Answer answer : answers) {
                builder.addResponse(new CertificateID(answer.certId()), bouncyCastleStatus(answer.state()),
                        date(answer.thisUpdate()), date(answer.nextUpdate()), null);
            }
            nonce.ifPresent(n -> builder.setResponseExtensions(new Extensions(new Extension(n.getExtnId(), false, n.getExtnValue()))));
            BasicOCSPResp basic = builder.build(responder.signer().newContentSigner(),
                    new X509CertificateHolder[] {responder.certificate()}, date(producedAt));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException e) {
            throw new IllegalStateException("cannot build an OCSP response: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one place our state meets BC's, where GOOD is {@code null}. */
    static CertificateStatus bouncyCastleStatus(CertState state) {
        if (state instanceof CertState.Good) {
            return CertificateStatus.GOOD;
        }
        if (state instanceof CertState.Revoked revoked) {
            CRLReason reason = revoked.reasonCode() < 0 ? null : CRLReason.lookup(revoked.reasonCode());
            return new RevokedStatus(new RevokedInfo(new ASN1GeneralizedTime(date(revoked.revokedAt())), reason));
        }
        return new UnknownStatus();
    }

    private static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static OCSPResp parse(byte[] der) throws IOException {
        return new OCSPResp(der);
    }
}

package io.portcullis.revocation.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.revocation.TestCa;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class OcspResponseSignerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.789Z");

    private static CertID id(long serial) throws Exception {
        return new CertificateID(new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1), TestCa.ISSUING.certificate(),
                BigInteger.valueOf(serial)).toASN1Primitive();
    }

    /** The issuing CA signs directly here; in the server a delegated responder does. */
    private static ResponderCredentials credentials() {
        return new ResponderCredentials(TestCa.ISSUING, ResponderCertificates.responderId(TestCa.ISSUING.certificate().getSubjectPublicKeyInfo()));
    }

    @Test
    void statesMapOntoBouncyCastleWithoutTheNullTrapLeakingOut() throws Exception {
        byte[] der = OcspResponseSigner.sign(credentials(), List.of(
                new OcspResponseSigner.Answer(id(1), CertState.GOOD, NOW, NOW.plusSeconds(3600)),
                new OcspResponseSigner.Answer(id(2), new CertState.Revoked(NOW.minusSeconds(60), 1), NOW, NOW.plusSeconds(3600)),
                new OcspResponseSigner.Answer(id(3), new CertState.Revoked(NOW.minusSeconds(60), -1), NOW, NOW.plusSeconds(3600)),
                new OcspResponseSigner.Answer(id(4), CertState.UNKNOWN, NOW, NOW.plusSeconds(3600))), Optional.empty(), NOW);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        SingleResp[] r = basic.getResponses();

        assertThat(r[0].getCertStatus()).isNull();
        assertThat(((RevokedStatus) r[1].getCertStatus()).getRevocationReason()).isEqualTo(1);
        assertThat(((RevokedStatus) r[2].getCertStatus()).hasRevocationReason()).isFalse();
        assertThat(r[3].getCertStatus()).isInstanceOf(UnknownStatus.class);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(TestCa.ISSUING.certificate()))).isTrue();
    }

    @Test
    void timesAreWholeSecondsAndProducedAtIsTheGivenInstant() throws Exception {
        byte[] der = OcspResponseSigner.sign(credentials(),
                List.of(new OcspResponseSigner.Answer(id(1), CertState.GOOD, NOW, NOW.plusSeconds(3600))), Optional.empty(), NOW);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        assertThat(basic.getProducedAt().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(basic.getResponses()[0].getThisUpdate().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(basic.getResponses()[0].getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
    }

    @Test
    void errorResponsesAreTheBareStatus() throws Exception {
        assertThat(new OCSPResp(OcspStatus.MALFORMED_REQUEST.errorResponse()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(new OCSPResp(OcspStatus.UNAUTHORIZED.errorResponse()).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
        assertThat(new OCSPResp(OcspStatus.TRY_LATER.errorResponse()).getStatus()).isEqualTo(OCSPResp.TRY_LATER);
    }
}

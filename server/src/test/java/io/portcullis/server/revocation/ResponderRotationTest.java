package io.portcullis.server.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ca.testing.MutableClock;
import io.portcullis.revocation.ocsp.ResponderCertificates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The delegated responder certificate is replaced automatically before it expires: the whole
 * application runs on a clock the test moves, so the renewal point of the default 7-day
 * certificate (2 days before its end) is reached without waiting.
 */
@QuarkusTest
@TestProfile(ResponderRotationTest.MovableClockProfile.class)
class ResponderRotationTest {

    /** Replaces the application's system clock with the one movable clock of this test. */
    // No @Priority: enabled only by this test's profile, so other tests keep the system clock.
    @Alternative
    public static class MovableClockProducer {
        /** Starts at the real time and only moves when the test says so. */
        static final MutableClock CLOCK = new MutableClock(Instant.now());

        @Produces
        @Singleton
        Clock clock() {
            return CLOCK;
        }
    }

    public static class MovableClockProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClockProducer.class);
        }
    }

    @Inject
    ResponderCertificates responders;

    @Test
    void responderCertificateIsRotatedBeforeItExpiresAndNewResponsesAreSignedByTheNewOne() throws Exception {
        X509CertificateHolder issuing = RevocationApi.issuingCa();
        RevocationApi.Issued issued = RevocationApi.issueGateway("rotation.example.net");
        X509CertificateHolder first = responderOf(ask(issuing, issued));
        Instant firstEnd = first.getNotAfter().toInstant();

        // One day before the renewal point: still the same certificate.
        MovableClockProducer.CLOCK.advance(Duration.between(MovableClockProducer.CLOCK.instant(), firstEnd).minus(Duration.ofDays(3)));
        assertThat(responderOf(ask(issuing, issued)).getSerialNumber()).isEqualTo(first.getSerialNumber());

        // Past the renewal point (2 days before notAfter) but before expiry: a new key and certificate.
        MovableClockProducer.CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        BasicOCSPResp rotated = ask(issuing, issued);
        X509CertificateHolder second = responderOf(rotated);

        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(second.getSubjectPublicKeyInfo()).isNotEqualTo(first.getSubjectPublicKeyInfo());
        assertThat(second.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing))).isTrue();
        assertThat(rotated.isSignatureValid(new JcaContentVerifierProviderBuilder().build(second))).isTrue();
        assertThat(second.getNotAfter().toInstant()).isAfter(firstEnd);
        // The response was signed now (moved clock), not served from the cache of the old key.
        assertThat(rotated.getProducedAt().toInstant())
                .isCloseTo(MovableClockProducer.CLOCK.instant(), new org.assertj.core.data.TemporalUnitWithinOffset(2, ChronoUnit.SECONDS));
        assertThat(responders.current().certificate().getSerialNumber()).isEqualTo(second.getSerialNumber());
    }

    private static BasicOCSPResp ask(X509CertificateHolder issuing, RevocationApi.Issued issued) {
        OCSPResp response = OcspClient.post(OcspClient.request(null, OcspClient.id(OcspClient.SHA256, issuing, issued.serial())));
        assertThat(response.getStatus()).isZero();
        return OcspClient.basic(response);
    }

    private static X509CertificateHolder responderOf(BasicOCSPResp response) {
        return response.getCerts()[0];
    }
}

package io.portcullis.ca.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredCertificateTest {

    private static final Instant NOT_AFTER = Instant.parse("2027-01-01T00:00:00Z");

    private static StoredCertificate withStatus(CertificateStatus status, byte[] der) {
        return new StoredCertificate("1f", "issuing", status, "ike-gateway", "CN=gw", "DNS:gw.example.net",
                NOT_AFTER.minusSeconds(86_400), NOT_AFTER, "ab", der, "admin", NOT_AFTER.minusSeconds(86_400), null, null, null);
    }

    @Test
    void aValidCertificateReadsAsExpiredFromItsNotAfterOn() {
        StoredCertificate valid = withStatus(CertificateStatus.VALID, new byte[] { 1 });
        assertThat(valid.statusAt(NOT_AFTER.minusSeconds(1))).isEqualTo("valid");
        assertThat(valid.statusAt(NOT_AFTER)).isEqualTo("expired");
    }

    @Test
    void revokedAndHeldCertificatesKeepTheirStatusAfterExpiry() {
        assertThat(withStatus(CertificateStatus.REVOKED, new byte[] { 1 }).statusAt(NOT_AFTER.plusSeconds(1))).isEqualTo("revoked");
        assertThat(withStatus(CertificateStatus.ON_HOLD, new byte[] { 1 }).statusAt(NOT_AFTER.plusSeconds(1))).isEqualTo("on_hold");
    }

    @Test
    void changingTheBytesGivenOrReturnedChangesNothingStored() {
        byte[] der = { 1, 2, 3 };
        StoredCertificate stored = withStatus(CertificateStatus.VALID, der);
        der[0] = 9;
        stored.certificateDer()[1] = 9;
        assertThat(stored.certificateDer()).containsExactly(1, 2, 3);
    }
}

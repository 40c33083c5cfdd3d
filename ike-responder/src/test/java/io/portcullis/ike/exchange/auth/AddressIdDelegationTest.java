package io.portcullis.ike.exchange.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.net.InetAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressIdDelegationTest {

    private final PeerAuthenticator pkix = new AddressIdDelegation(
            new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()));
    /** The test peer's certificate without an RFC 3779 extension. */
    private final X509Certificate plain = TestPki.peer().withSubnets().issue();
    private final String ip = TestPki.peer().ip();

    private static List<byte[]> chain(X509Certificate certificate) {
        try {
            return List.of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void certificateWithoutRfc3779MayTunnelTheAddressItAuthenticatedAs() throws Exception {
        AuthDecision decision = pkix.authenticate(chain(plain), IdentificationPayload.address(InetAddress.getByName(ip)),
                TestPki.NOW);
        assertThat(decision).isInstanceOf(AuthDecision.Accepted.class);
        assertThat(((AuthDecision.Accepted) decision).peer().subnets()).containsExactly(IpPrefix.parse(ip + "/32"));
    }

    @Test
    void fqdnIdGetsNoSubnetFromItsAddressSan() {
        AuthDecision decision = pkix.authenticate(chain(plain), IdentificationPayload.fqdn(TestPki.peer().dns()), TestPki.NOW);
        assertThat(((AuthDecision.Accepted) decision).peer().subnets()).isEmpty();
    }

    @Test
    void explicitRfc3779DelegationWins() throws Exception {
        AuthDecision decision = pkix.authenticate(chain(TestPki.peerCertificate()),
                IdentificationPayload.address(InetAddress.getByName(ip)), TestPki.NOW);
        assertThat(((AuthDecision.Accepted) decision).peer().subnets())
                .isEqualTo(TestPki.peer().subnets().stream().map(IpPrefix::parse).toList());
    }

    @Test
    void anAddressTheCertificateDoesNotCarryIsStillRefused() throws Exception {
        AuthDecision decision = pkix.authenticate(chain(plain),
                IdentificationPayload.address(InetAddress.getByName("198.18.99.99")), TestPki.NOW);
        assertThat(decision).isInstanceOf(AuthDecision.Refused.class);
        assertThat(((AuthDecision.Refused) decision).reason()).isEqualTo(RefusalReason.ID_MISMATCH);
    }
}

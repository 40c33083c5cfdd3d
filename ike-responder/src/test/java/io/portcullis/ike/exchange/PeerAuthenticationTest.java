package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.RevocationCheckingAuthenticator;
import io.portcullis.ike.exchange.auth.RevocationStatus;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerAuthenticationTest {

    private static final StaticTrustPeerAuthenticator TRUST =
            new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls());

    private static NotifyType refusalFor(Gateway gateway, IkeInitiator initiator) throws Exception {
        initiator.receive2(gateway.only(gateway.send(initiator.message1())));
        initiator.receive4(gateway.only(gateway.send(initiator.message3())));
        IkeOutput out = gateway.send(initiator.message5());
        assertThat(gateway.responder.ikeSas()).isEmpty();
        assertThat(out.events()).hasAtLeastOneElementOfType(IkeEvent.ExchangeFailed.class);
        return initiator.openInformational(gateway.only(out)).first(NotificationPayload.class).orElseThrow().notifyType();
    }

    private static IkeInitiator peer(X509Certificate certificate) {
        return new IkeInitiator(InitiatorSuite.strongSwanDefault(), 11).withCertificate(certificate);
    }

    @Test
    void revokedPeerIsRefusedInMainMode() throws Exception {
        X509Certificate revoked = TestPki.peerCertificate();
        BigInteger serial = revoked.getSerialNumber();
        Gateway gateway = new Gateway(Gateway.everything(), new RevocationCheckingAuthenticator(TRUST,
                (cert, issuer, now) -> cert.getSerialNumber().equals(serial) ? RevocationStatus.REVOKED : RevocationStatus.GOOD,
                true), PreSharedKeys.none(), IkeLimits.defaults());
        assertThat(refusalFor(gateway, peer(revoked))).isEqualTo(NotifyType.INVALID_CERTIFICATE);
    }

    @Test
    void unknownRevocationStatusRefusesOnlyWhenStrict() throws Exception {
        Gateway strict = new Gateway(Gateway.everything(), new RevocationCheckingAuthenticator(TRUST,
                (cert, issuer, now) -> RevocationStatus.UNKNOWN, true), PreSharedKeys.none(), IkeLimits.defaults());
        assertThat(refusalFor(strict, peer(TestPki.peerCertificate()))).isEqualTo(NotifyType.AUTHENTICATION_FAILED);
        Gateway lenient = new Gateway(Gateway.everything(), new RevocationCheckingAuthenticator(TRUST,
                (cert, issuer, now) -> RevocationStatus.UNKNOWN, false), PreSharedKeys.none(), IkeLimits.defaults());
        lenient.mainMode(peer(TestPki.peerCertificate()));
        assertThat(lenient.responder.ikeSas()).hasSize(1);
    }

    @Test
    void certificateFromAnotherCaIsInvalid() throws Exception {
        assertThat(refusalFor(new Gateway(), peer(TestPki.issueByOtherCa(TestPki.peer()))))
                .isEqualTo(NotifyType.INVALID_CERTIFICATE);
    }

    @Test
    void expiredCertificateIsInvalid() throws Exception {
        assertThat(refusalFor(new Gateway(), peer(TestPki.peer().expired().issue()))).isEqualTo(NotifyType.INVALID_CERTIFICATE);
    }

    @Test
    void certificateWithoutIkeUsageIsInvalidUnlessEkuIsNotChecked() throws Exception {
        X509Certificate emailOnly = TestPki.peer().withoutEku().issue();
        assertThat(refusalFor(new Gateway(), peer(emailOnly))).isEqualTo(NotifyType.INVALID_CERTIFICATE);
        Gateway relaxed = new Gateway(Gateway.everything(), new StaticTrustPeerAuthenticator(List.of(TestPki.CA),
                EkuPolicy.none()), PreSharedKeys.none(), IkeLimits.defaults());
        relaxed.mainMode(peer(emailOnly));
        assertThat(relaxed.responder.ikeSas()).hasSize(1);
    }

    @Test
    void idNotBoundToCertificateIsInvalidIdInformation() throws Exception {
        IkeInitiator liar = peer(TestPki.peerCertificate()).withIdentity(IdentificationPayload.fqdn("gw.test"));
        assertThat(refusalFor(new Gateway(), liar)).isEqualTo(NotifyType.INVALID_ID_INFORMATION);
    }

    @Test
    void ipAddressAndDistinguishedNameIdsMatchTheirCertificateFields() throws Exception {
        Gateway gateway = new Gateway();
        gateway.mainMode(peer(TestPki.peerCertificate()).withIdentity(
                IdentificationPayload.address(io.portcullis.ike.harness.ChildProposal.address("192.0.2.1"))));
        X509Certificate certificate = TestPki.peerCertificate();
        Gateway second = new Gateway();
        second.mainMode(peer(certificate).withIdentity(IdentificationPayload.derAsn1Dn(
                Bytes.of(certificate.getSubjectX500Principal().getEncoded()))));
        assertThat(gateway.responder.ikeSas()).hasSize(1);
        assertThat(second.responder.ikeSas()).hasSize(1);
    }

    @Test
    void peerWithoutCertificateGetsCertificateUnavailable() throws Exception {
        Gateway gateway = new Gateway();
        IkeInitiator initiator = peer(TestPki.peerCertificate());
        initiator.receive2(gateway.only(gateway.send(initiator.message1())));
        initiator.receive4(gateway.only(gateway.send(initiator.message3())));
        IkeOutput out = gateway.send(initiator.message5(p -> List.of(p.get(0), p.get(2))));
        assertThat(initiator.openInformational(gateway.only(out)).first(NotificationPayload.class).orElseThrow().notifyType())
                .isEqualTo(NotifyType.CERTIFICATE_UNAVAILABLE);
    }
}

package io.portcullis.ike.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.auth.RevocationStatus;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ConnectedPeerRecheckTest {

    private final X509Certificate good = TestPki.peer().issue();
    private final X509Certificate revoked = TestPki.peer().issue();
    private final List<AuthenticatedPeer> connected = new ArrayList<>(List.of(
            peer(good), peer(revoked), peer(revoked))); // two IKE SAs with the revoked certificate
    private final Map<BigInteger, RevocationStatus> answers = new HashMap<>();
    private final List<BigInteger> asked = new ArrayList<>();
    private final List<AuthenticatedPeer> deleted = new ArrayList<>();

    private ConnectedPeerRecheck recheck() {
        return new ConnectedPeerRecheck(() -> List.copyOf(connected), (certificate, issuer, now) -> {
            assertThat(issuer).isEqualTo(TestPki.CA);
            asked.add(certificate.getSerialNumber());
            return answers.getOrDefault(certificate.getSerialNumber(), RevocationStatus.GOOD);
        }, this::delete, Clock.fixed(TestPki.NOW, ZoneOffset.UTC));
    }

    private int delete(Predicate<AuthenticatedPeer> which) {
        List<AuthenticatedPeer> going = connected.stream().filter(which).toList();
        deleted.addAll(going);
        connected.removeAll(going);
        return going.size();
    }

    private static AuthenticatedPeer peer(X509Certificate certificate) {
        return new AuthenticatedPeer(IdentificationPayload.fqdn("peer.test"), List.of(IpPrefix.parse("203.0.113.0/24")),
                Optional.of(certificate.getPublicKey()), List.of(certificate, TestPki.CA));
    }

    @Test
    void revokedPeerFoundByTheRecheckLosesEveryTunnelOthersStay() {
        answers.put(revoked.getSerialNumber(), RevocationStatus.REVOKED);
        assertThat(recheck().recheckAll()).isEqualTo(2);
        assertThat(asked).as("one check per certificate").containsExactly(good.getSerialNumber(), revoked.getSerialNumber());
        assertThat(connected).extracting(p -> p.certificate().orElseThrow()).containsExactly(good);
    }

    @Test
    void unknownAnswerKeepsEstablishedTunnels() {
        answers.put(revoked.getSerialNumber(), RevocationStatus.UNKNOWN);
        assertThat(recheck().recheckAll()).isZero();
        assertThat(deleted).isEmpty();
    }

    @Test
    void aFailingCheckNeverEndsTheSchedule() {
        ConnectedPeerRecheck failing = new ConnectedPeerRecheck(() -> List.copyOf(connected), (c, i, n) -> {
            throw new IllegalStateException("responder exploded");
        }, this::delete, Clock.systemUTC());
        failing.run(); // logged, not thrown
        assertThat(deleted).isEmpty();
    }
}

package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PeerAuthenticator;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.QuickModeInitiator;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.testing.ManualClock;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** A responder wired as in production, with the test PKI, a hand-moved clock and all algorithms allowed. */
final class Gateway {

    static final List<IpPrefix> PROTECTED = List.of(IpPrefix.parse("198.51.100.0/24"));

    final ManualClock clock = new ManualClock(TestPki.NOW);
    final IkeEngine responder;
    final ExchangeContext context;

    Gateway() {
        this(everything(), new StaticTrustPeerAuthenticator(List.of(TestPki.CA), EkuPolicy.ikeOrTls()),
                PreSharedKeys.none(), IkeLimits.defaults());
    }

    Gateway(GatewayPolicy policy, PeerAuthenticator authenticator, PreSharedKeys psks, IkeLimits limits) {
        GatewayCredentials credentials = new GatewayCredentials(TestPki.gatewayKey(), List.of(TestPki.GATEWAY, TestPki.CA),
                IdentificationPayload.fqdn("gw.test"), List.of(new X500Principal(TestPki.CA.getSubjectX500Principal().getEncoded())));
        context = ExchangeContext.of(policy, credentials, authenticator, psks, clock, new SecureRandom());
        responder = new IkeEngine(context, limits);
    }

    /** Every algorithm the responder implements, weak ones included (the matrix tests all of them). */
    static GatewayPolicy everything() {
        Set<EspTransform> esp = new java.util.HashSet<>();
        for (int bits : new int[] {128, 192, 256}) {
            for (EspTransform.Integrity integrity : EnumSet.complementOf(EnumSet.of(EspTransform.Integrity.NONE))) {
                esp.add(EspTransform.aesCbc(bits, integrity));
            }
            esp.add(EspTransform.aesGcm16(bits));
        }
        GatewayPolicy defaults = GatewayPolicy.strongDefaults(PROTECTED);
        return defaults
                .withPhase1(defaults.phase1().withAlgorithms(Set.of(BlockCipherAlgorithm.values()),
                        Set.of(PrfAlgorithm.values()), Set.of(2, 5, 14, 15, 16, 19, 20),
                        Set.of(AuthenticationMethod.RSA_SIGNATURES, AuthenticationMethod.PRE_SHARED_KEY)))
                .withPhase2(defaults.phase2().withAlgorithms(esp, Set.of(2, 5, 14, 15, 16, 19, 20), false))
                .withWeakAlgorithms(true);
    }

    IkeOutput send(io.portcullis.ike.exchange.Datagram datagram) {
        return responder.process(datagram);
    }

    /** Exactly one reply datagram; fails the test otherwise. */
    io.portcullis.ike.exchange.Datagram only(IkeOutput output) {
        if (output.datagrams().size() != 1) {
            throw new AssertionError("expected one reply, got " + output.datagrams().size() + " (stats " + dropSummary() + ")");
        }
        return output.datagrams().get(0);
    }

    String dropSummary() {
        StringBuilder out = new StringBuilder();
        for (Drop drop : Drop.values()) {
            long n = responder.stats().drops(drop);
            if (n > 0) {
                out.append(drop).append('=').append(n).append(' ');
            }
        }
        return out.toString();
    }

    /** Drives Main Mode 1..6; returns the last output (message 6 and the events). */
    IkeOutput mainMode(IkeInitiator initiator) {
        try {
            initiator.receive2(only(send(initiator.message1())));
            initiator.receive4(only(send(initiator.message3())));
            IkeOutput six = send(initiator.message5());
            initiator.receive6(six.datagrams());
            return six;
        } catch (IkeCryptoException e) {
            throw new AssertionError(e);
        }
    }

    /** Drives Quick Mode 1..3; returns the output of message 3 (the ChildSaEstablished event). */
    IkeOutput quickMode(QuickModeInitiator qm) {
        try {
            qm.receive2(only(send(qm.message1())));
            return send(qm.message3());
        } catch (IkeCryptoException e) {
            throw new AssertionError(e);
        }
    }

    static ChildProposal defaultChild() {
        return ChildProposal.of(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128), 14);
    }
}

package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.auth.IpAddressDelegation;
import io.portcullis.ike.exchange.policy.SelectorDecision;
import io.portcullis.ike.exchange.policy.TrafficSelectorNegotiator;
import io.portcullis.ike.harness.ChildProposal;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @Test
    void rfc3779PrefixesAreReadFromTheCertificate() throws Exception {
        assertThat(IpAddressDelegation.of(TestPki.peer().withSubnets("203.0.113.0/24", "10.16.0.0/12").issue()))
                .containsExactly(IpPrefix.parse("203.0.113.0/24"), IpPrefix.parse("10.16.0.0/12"));
        assertThat(IpAddressDelegation.of(TestPki.GATEWAY)).isEmpty();
    }

    @Test
    void rfc3779RangeIsSplitIntoExactCidrBlocks() throws Exception {
        ASN1EncodableVector range = new ASN1EncodableVector();
        range.add(new DERBitString(new byte[] {10, 0, 0, 1}, 0));        // min 10.0.0.1
        range.add(new DERBitString(new byte[] {10, 0, 0, 6}, 1));        // max 10.0.0.7 (trailing bit filled)
        ASN1EncodableVector family = new ASN1EncodableVector();
        family.add(new DEROctetString(new byte[] {0, 1}));
        family.add(new DERSequence(new DERSequence(range)));
        byte[] wrapped = new DEROctetString(new DERSequence(new DERSequence(family)).getEncoded()).getEncoded();
        assertThat(IpAddressDelegation.parseExtensionValue(wrapped)).containsExactly(IpPrefix.parse("10.0.0.1/32"),
                IpPrefix.parse("10.0.0.2/31"), IpPrefix.parse("10.0.0.4/30"));
    }

    @Test
    void malformedRfc3779ExtensionIsRejected() {
        assertThatThrownBy(() -> IpAddressDelegation.parseExtensionValue(new byte[] {4, 3, 0x30, 5, 1}))
                .isInstanceOf(IpAddressDelegation.MalformedExtensionException.class);
    }

    @Test
    void rangeIdsAreAcceptedOnlyWhenCidrAligned() {
        IdentificationPayload aligned = IdentificationPayload.range(ChildProposal.address("203.0.113.0"),
                ChildProposal.address("203.0.113.255"));
        IdentificationPayload ragged = IdentificationPayload.range(ChildProposal.address("203.0.113.1"),
                ChildProposal.address("203.0.113.9"));
        assertThat(TrafficSelectorNegotiator.toPrefix(aligned)).contains(IpPrefix.parse("203.0.113.0/24"));
        assertThat(TrafficSelectorNegotiator.toPrefix(ragged)).isEmpty();
    }

    @Test
    void hostSelectorsInsideBothSidesAreAgreedUnchanged() {
        SelectorDecision decision = new TrafficSelectorNegotiator(Gateway.PROTECTED).negotiate(
                Optional.of(IdentificationPayload.address(ChildProposal.address("203.0.113.9"))),
                Optional.of(ChildProposal.subnet("198.51.100.128", 25)), List.of(IpPrefix.parse("203.0.113.0/24")));
        assertThat(decision).isInstanceOfSatisfying(SelectorDecision.Agreed.class, a -> {
            assertThat(a.narrowed()).isFalse();
            assertThat(a.remote().prefix()).isEqualTo(IpPrefix.parse("203.0.113.9/32"));
        });
    }

    @Test
    void missingClientIdsAreRefusedBecauseThatMeansTransportMode() {
        assertThat(new TrafficSelectorNegotiator(Gateway.PROTECTED).negotiate(Optional.empty(), Optional.empty(),
                List.of(IpPrefix.parse("203.0.113.0/24")))).isInstanceOf(SelectorDecision.Refused.class);
    }
}

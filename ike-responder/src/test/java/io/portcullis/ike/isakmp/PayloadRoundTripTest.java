package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every payload type: decode(encode(x)) == x and encode(decode(bytes)) == bytes. */
class PayloadRoundTripTest {

    private static final IsakmpHeader HEADER = IsakmpHeader.of(0x1122334455667788L, 0x99aabbccddeeff00L,
            ExchangeType.IDENTITY_PROTECTION, 0, 0);

    private final IsakmpDecoder decoder = new IsakmpDecoder();

    static Stream<PayloadBody> bodies() throws Exception {
        TransformPayload phase1 = new TransformPayload(1, TransformPayload.KEY_IKE, List.of(
                DataAttribute.of(Phase1AttributeType.ENCRYPTION_ALGORITHM, EncryptionAlgorithm.AES_CBC.value()),
                DataAttribute.of(Phase1AttributeType.KEY_LENGTH, 256),
                DataAttribute.of(Phase1AttributeType.HASH_ALGORITHM, HashAlgorithm.SHA2_256.value()),
                DataAttribute.of(Phase1AttributeType.AUTHENTICATION_METHOD, AuthenticationMethod.RSA_SIGNATURES.value()),
                DataAttribute.of(Phase1AttributeType.GROUP_DESCRIPTION, GroupDescription.MODP_2048.value()),
                DataAttribute.of(Phase1AttributeType.LIFE_TYPE, LifeType.SECONDS.value()),
                DataAttribute.of(Phase1AttributeType.LIFE_DURATION, 86400)));
        TransformPayload phase2 = new TransformPayload(2, EspTransformId.AES_CBC.value(), List.of(
                DataAttribute.of(IpsecAttributeType.ENCAPSULATION_MODE, EncapsulationMode.UDP_ENCAPSULATED_TUNNEL_DRAFT.value()),
                DataAttribute.of(IpsecAttributeType.SA_LIFE_TYPE, LifeType.KILOBYTES.value()),
                DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, 0x1_0000_0000L),
                DataAttribute.variable(IpsecAttributeType.KEY_LENGTH.value(), Bytes.fromHex("0080"))));
        return Stream.of(
                SecurityAssociationPayload.of(List.of(new ProposalPayload(1, ProtocolId.ISAKMP, Bytes.EMPTY,
                        List.of(phase1, new TransformPayload(2, TransformPayload.KEY_IKE, List.of()))))),
                SecurityAssociationPayload.of(List.of(
                        new ProposalPayload(1, ProtocolId.IPSEC_ESP, Bytes.fromHex("01020304"), List.of(phase2)),
                        new ProposalPayload(2, ProtocolId.IPSEC_ESP, Bytes.fromHex("05060708"), List.of(phase2)))),
                KeyExchangePayload.of(new byte[256]),
                IdentificationPayload.fqdn("gw.test"),
                IdentificationPayload.userFqdn("admin@gw.test"),
                IdentificationPayload.address(InetAddress.getByName("192.0.2.7")).withProtocolAndPort(17, 500),
                IdentificationPayload.address(InetAddress.getByName("2001:db8::7")),
                IdentificationPayload.subnet(InetAddress.getByName("198.51.100.0"), 24),
                IdentificationPayload.subnet(InetAddress.getByName("2001:db8:1::"), 48),
                IdentificationPayload.range(InetAddress.getByName("203.0.113.10"), InetAddress.getByName("203.0.113.20")),
                IdentificationPayload.range(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("2001:db8::ff")),
                IdentificationPayload.derAsn1Dn(Bytes.fromHex("30123110300e06035504030c0767772e74657374")),
                CertificatePayload.x509(new byte[] {0x30, (byte) 0x82, 0x01, 0x00}),
                new CertificateRequestPayload(CertEncoding.X509_SIGNATURE, Bytes.EMPTY),
                HashPayload.of(new byte[32]),
                SignaturePayload.of(new byte[256]),
                NoncePayload.of(new byte[32]),
                NotificationPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.IPSEC_ESP, Bytes.fromHex("c0ffee01"),
                        Bytes.fromHex("800b0001000c000400015180")),
                NotificationPayload.of(NotifyType.INITIAL_CONTACT, ProtocolId.ISAKMP, Bytes.fromHex("00112233445566778899aabbccddeeff"), Bytes.EMPTY),
                NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE_ACK, 1L, 2L, 0xFFFFFFFF),
                new NotificationPayload(Doi.ISAKMP, ProtocolId.RESERVED, Bytes.EMPTY, NotifyType.valueOf(40000), Bytes.fromHex("ff")),
                DeletePayload.of(ProtocolId.IPSEC_ESP, List.of(Bytes.fromHex("01020304"), Bytes.fromHex("05060708"))),
                new DeletePayload(Doi.IPSEC, ProtocolId.ISAKMP, 16, List.of(Bytes.of(new byte[16]))),
                new VendorIdPayload(VendorIds.FRAGMENTATION),
                NatDiscoveryPayload.of(new byte[32]),
                new NatOriginalAddressPayload(IdType.IPV4_ADDR, Bytes.fromHex("c0000201")),
                new NatOriginalAddressPayload(IdType.IPV6_ADDR, Bytes.of(new byte[16])),
                FragmentPayload.of(7, 3, true, Bytes.fromHex("deadbeef")),
                new FragmentPayload(0xFFFF, 255, 0xFE, Bytes.EMPTY),
                new OpaquePayload(PayloadType.NAT_D_DRAFT, Bytes.fromHex("0102")),
                new OpaquePayload(PayloadType.valueOf(255), Bytes.EMPTY));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void decodingTheEncodingGivesTheSamePayload(PayloadBody body) throws Exception {
        IsakmpMessage message = new IsakmpMessage(HEADER, List.of(Payload.of(body), new Payload(0x80, body)));

        IsakmpMessage decoded = decoder.decode(IsakmpEncoder.encode(message));

        assertThat(decoded).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void encodingTheDecodingGivesTheSameBytes(PayloadBody body) throws Exception {
        byte[] bytes = IsakmpEncoder.encode(IsakmpMessage.of(HEADER, body, body));

        assertThat(IsakmpEncoder.encode(decoder.decode(bytes))).isEqualTo(bytes);
    }
}

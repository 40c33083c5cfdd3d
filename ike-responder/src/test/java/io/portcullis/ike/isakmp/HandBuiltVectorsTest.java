package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * Vectors assembled field by field from the RFC 2408 / 2407 / 3947 / 3706 formats, covering
 * the payloads the strongSwan capture cannot show in the clear (Quick Mode is encrypted there).
 */
class HandBuiltVectorsTest {

    static final IsakmpHeader QUICK_MODE_HEADER = IsakmpHeader.of(0x0102030405060708L, 0x1112131415161718L,
            ExchangeType.QUICK_MODE, IsakmpHeader.FLAG_ENCRYPTION, 0xdeadbeef);

    /** A decrypted Quick Mode 1 body: HASH, SA (ESP, UDP tunnel, 1-day lifetime), Ni, KE, IDci, IDcr, NAT-OA, padding. */
    static final byte[] QUICK_MODE_BODY = Hex.parse("""
            01 00 0018                      # HASH: next SA, length 24
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            0a 00 003c                      # SA: next Nonce, length 60
            00000001 00000001               # DOI IPsec, SIT_IDENTITY_ONLY
            00 00 0030                      # Proposal: last, length 48
            01 03 04 01                     # #1, ESP, SPI size 4, 1 transform
            c0ffee01                        # SPI
            00 00 0024                      # Transform: last, length 36
            01 0c 0000                      # #1, ESP_AES (12), RESERVED2
            8001 0001                       # SA life type: seconds (basic)
            0002 0004 00015180              # SA life duration: 86400 (variable, 4 bytes)
            8004 0003                       # encapsulation: UDP-encapsulated tunnel
            8005 0005                       # auth: HMAC-SHA2-256
            8006 0080                       # key length 128
            8003 000e                       # group 14 (PFS)
            04 00 0014                      # Nonce: next KE, length 20
            bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
            05 00 000c                      # KE: next ID, length 12
            cccccccccccccccc
            05 00 0010                      # IDci: next ID, length 16
            04 00 0000 cb007100 ffffff00    # IPV4_ADDR_SUBNET 203.0.113.0/24
            15 00 0010                      # IDcr: next NAT-OA (21), length 16
            04 00 0000 c6336400 ffffff00    # IPV4_ADDR_SUBNET 198.51.100.0/24
            00 00 000c                      # NAT-OA: last, length 12
            01 000000 c0000201              # IPV4_ADDR 192.0.2.1
            00000003                        # padding (RFC 2409 App. B), not a payload
            """);

    /** An unencrypted message carrying the remaining payload types, including an unknown one. */
    static final byte[] MIXED_PLAINTEXT = Hex.parse("""
            0102030405060708 1112131415161718   # cookies
            0b 10 05 00 01020304                # next NOTIFY, v1.0, Informational, no flags, message ID
            000000ab                            # length 171
            0c 00 0020                          # NOTIFY: next DELETE, length 32
            00000001 01 10 8d28                 # DOI IPsec, ISAKMP, SPI size 16, R-U-THERE (36136)
            0102030405060708 1112131415161718   # SPI = the cookies (RFC 3706)
            00000007                            # sequence number
            06 00 0014                          # DELETE: next CERT, length 20
            00000001 03 04 0002                 # DOI IPsec, ESP, SPI size 4, 2 SPIs
            11111111 22222222
            07 00 0008                          # CERT: next CERTREQ, length 8
            04 308201                           # X.509 signature, (truncated) DER
            09 00 0007                          # CERTREQ: next SIG, length 7
            04 3000                             # X.509 signature, empty DN
            c8 00 0008                          # SIG: next 200 (unknown), length 8
            5a5a5a5a
            0d 80 0009                          # type 200: next VID, critical bit set, length 9
            0102030405
            05 00 0014                          # VID: next ID, length 20
            afcad71368a1f1c96b8696fc77570100    # RFC 3706 DPD
            14 00 000f                          # ID: next NAT-D (20), length 15
            02 11 01f4 67772e74657374           # FQDN, UDP, port 500, "gw.test"
            00 00 0018                          # NAT-D: last, length 24
            dddddddddddddddddddddddddddddddddddddddd
            """);

    private final IsakmpDecoder decoder = new IsakmpDecoder();

    @Test
    void quickModeBodyDecodesEveryField() throws Exception {
        DecryptedMessage decrypted = decoder.decodeDecrypted(QUICK_MODE_HEADER, PayloadType.HASH, QUICK_MODE_BODY);
        IsakmpMessage message = decrypted.message();

        assertThat(message.payloads()).extracting(Payload::type).containsExactly(PayloadType.HASH,
                PayloadType.SECURITY_ASSOCIATION, PayloadType.NONCE, PayloadType.KEY_EXCHANGE,
                PayloadType.IDENTIFICATION, PayloadType.IDENTIFICATION, PayloadType.NAT_OA);
        ProposalPayload proposal = message.first(SecurityAssociationPayload.class).orElseThrow().proposals().get(0);
        assertThat(proposal.protocol()).isEqualTo(ProtocolId.IPSEC_ESP);
        assertThat(proposal.spi()).isEqualTo(Bytes.fromHex("c0ffee01"));
        TransformPayload transform = proposal.transforms().get(0);
        assertThat(EspTransformId.valueOf(transform.transformId())).isEqualTo(EspTransformId.AES_CBC);
        DataAttribute lifetime = transform.attribute(IpsecAttributeType.SA_LIFE_DURATION).orElseThrow();
        assertThat(lifetime.format()).isEqualTo(AttributeFormat.VARIABLE);
        assertThat(lifetime.longValue()).isEqualTo(86400);
        int mode = (int) transform.attribute(IpsecAttributeType.ENCAPSULATION_MODE).orElseThrow().longValue();
        assertThat(EncapsulationMode.valueOf(mode)).isEqualTo(EncapsulationMode.UDP_ENCAPSULATED_TUNNEL);
        assertThat(EncapsulationMode.valueOf(mode).isTunnel()).isTrue();
        IdentificationPayload initiatorSelector = message.all(IdentificationPayload.class).get(0);
        assertThat(initiatorSelector.idType()).isEqualTo(IdType.IPV4_ADDR_SUBNET);
        assertThat(initiatorSelector.firstAddress()).isEqualTo(InetAddress.getByName("203.0.113.0"));
        assertThat(initiatorSelector.secondAddress()).isEqualTo(InetAddress.getByName("255.255.255.0"));
        assertThat(message.first(NatOriginalAddressPayload.class).orElseThrow().address())
                .isEqualTo(Bytes.fromHex("c0000201"));
    }

    @Test
    void paddingAfterTheLastDecryptedPayloadIsReportedNotRejected() throws Exception {
        DecryptedMessage decrypted = decoder.decodeDecrypted(QUICK_MODE_HEADER, PayloadType.HASH, QUICK_MODE_BODY);

        assertThat(decrypted.padding()).isEqualTo(Bytes.fromHex("00000003"));
        byte[] reencoded = IsakmpEncoder.encodePayloads(decrypted.message().payloads());
        assertThat(reencoded).isEqualTo(java.util.Arrays.copyOf(QUICK_MODE_BODY, QUICK_MODE_BODY.length - 4));
    }

    @Test
    void mixedPlaintextDecodesNotifyDeleteCertAndIdentity() throws Exception {
        IsakmpMessage message = decoder.decode(MIXED_PLAINTEXT);

        NotificationPayload notify = message.first(NotificationPayload.class).orElseThrow();
        assertThat(notify.notifyType()).isEqualTo(NotifyType.R_U_THERE);
        assertThat(notify).isEqualTo(NotificationPayload.deadPeerDetection(NotifyType.R_U_THERE,
                0x0102030405060708L, 0x1112131415161718L, 7));
        DeletePayload delete = message.first(DeletePayload.class).orElseThrow();
        assertThat(delete.spis()).containsExactly(Bytes.fromHex("11111111"), Bytes.fromHex("22222222"));
        assertThat(message.first(CertificatePayload.class).orElseThrow().encoding()).isEqualTo(CertEncoding.X509_SIGNATURE);
        IdentificationPayload id = message.first(IdentificationPayload.class).orElseThrow();
        assertThat(id).isEqualTo(IdentificationPayload.fqdn("gw.test").withProtocolAndPort(17, 500));
        assertThat(message.first(VendorIdPayload.class).orElseThrow().vendorId()).isEqualTo(VendorIds.DPD);
    }

    @Test
    void unknownPayloadSurvivesAsOpaqueWithItsCriticalBit() throws Exception {
        IsakmpMessage message = decoder.decode(MIXED_PLAINTEXT);

        Payload unknown = message.ofType(PayloadType.valueOf(200)).get(0);
        assertThat(unknown.critical()).isTrue();
        assertThat(unknown.body()).isEqualTo(new OpaquePayload(PayloadType.valueOf(200), Bytes.fromHex("0102030405")));
        assertThat(IsakmpEncoder.encode(message)).isEqualTo(MIXED_PLAINTEXT);
    }

    @Test
    void handBuiltVectorsReencodeByteForByte() throws Exception {
        assertThat(IsakmpEncoder.encode(decoder.decode(MIXED_PLAINTEXT))).isEqualTo(MIXED_PLAINTEXT);
        IsakmpMessage quickMode = decoder.decodeDecrypted(QUICK_MODE_HEADER, PayloadType.HASH, QUICK_MODE_BODY).message();
        byte[] body = IsakmpEncoder.encodePayloads(quickMode.payloads());
        assertThat(decoder.decodeDecrypted(QUICK_MODE_HEADER, PayloadType.HASH, body).message()).isEqualTo(quickMode);
    }

    @Test
    void saBuiltFromFieldsEncodesLikeTheHandBuiltBytes() throws Exception {
        TransformPayload transform = new TransformPayload(1, EspTransformId.AES_CBC.value(), java.util.List.of(
                DataAttribute.of(IpsecAttributeType.SA_LIFE_TYPE, LifeType.SECONDS.value()),
                DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, 86400),
                DataAttribute.of(IpsecAttributeType.ENCAPSULATION_MODE, EncapsulationMode.UDP_ENCAPSULATED_TUNNEL.value()),
                DataAttribute.of(IpsecAttributeType.AUTHENTICATION_ALGORITHM, AuthenticationAlgorithm.HMAC_SHA2_256.value()),
                DataAttribute.of(IpsecAttributeType.KEY_LENGTH, 128),
                DataAttribute.of(IpsecAttributeType.GROUP_DESCRIPTION, GroupDescription.MODP_2048.value())));
        SecurityAssociationPayload built = SecurityAssociationPayload.of(java.util.List.of(
                new ProposalPayload(1, ProtocolId.IPSEC_ESP, Bytes.fromHex("c0ffee01"), java.util.List.of(transform))));

        SecurityAssociationPayload decoded = decoder.decodeDecrypted(QUICK_MODE_HEADER, PayloadType.HASH, QUICK_MODE_BODY)
                .message().first(SecurityAssociationPayload.class).orElseThrow();
        assertThat(built).isEqualTo(decoded);
    }
}

package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrongSwanCaptureTest {

    private final IsakmpDecoder decoder = new IsakmpDecoder();

    private static final List<byte[]> PLAINTEXT = List.of(StrongSwanCapture.MAIN_MODE_1_INITIATOR,
            StrongSwanCapture.MAIN_MODE_2_RESPONDER, StrongSwanCapture.MAIN_MODE_3_INITIATOR,
            StrongSwanCapture.MAIN_MODE_4_RESPONDER, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1,
            StrongSwanCapture.MAIN_MODE_5_FRAGMENT_2, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_3,
            StrongSwanCapture.MAIN_MODE_6_FRAGMENT_1, StrongSwanCapture.MAIN_MODE_6_FRAGMENT_2,
            StrongSwanCapture.MAIN_MODE_6_FRAGMENT_3);

    private static final List<byte[]> ENCRYPTED = List.of(StrongSwanCapture.QUICK_MODE_1_INITIATOR,
            StrongSwanCapture.QUICK_MODE_2_RESPONDER, StrongSwanCapture.INFORMATIONAL_1,
            StrongSwanCapture.INFORMATIONAL_2, StrongSwanCapture.INFORMATIONAL_3);

    @Test
    void strongSwanMainMode1DecodesToItsRsaSignatureProposal() throws Exception {
        IsakmpMessage message = decoder.decode(StrongSwanCapture.MAIN_MODE_1_INITIATOR);

        assertThat(message.header().exchangeType()).isEqualTo(ExchangeType.IDENTITY_PROTECTION);
        assertThat(message.header().responderCookie()).isZero();
        assertThat(message.header().messageId()).isZero();
        SecurityAssociationPayload sa = message.first(SecurityAssociationPayload.class).orElseThrow();
        assertThat(sa.doi()).isEqualTo(Doi.IPSEC);
        assertThat(sa.situation()).isEqualTo(SecurityAssociationPayload.SIT_IDENTITY_ONLY);
        assertThat(sa.proposals()).hasSize(1);
        ProposalPayload proposal = sa.proposals().get(0);
        assertThat(proposal.protocol()).isEqualTo(ProtocolId.ISAKMP);
        assertThat(proposal.spi().isEmpty()).isTrue();
        TransformPayload transform = proposal.transforms().get(0);
        assertThat(transform.transformId()).isEqualTo(TransformPayload.KEY_IKE);
        assertThat(attribute(transform, Phase1AttributeType.ENCRYPTION_ALGORITHM)).isEqualTo(EncryptionAlgorithm.AES_CBC.value());
        assertThat(attribute(transform, Phase1AttributeType.KEY_LENGTH)).isEqualTo(128);
        assertThat(attribute(transform, Phase1AttributeType.HASH_ALGORITHM)).isEqualTo(HashAlgorithm.SHA2_256.value());
        assertThat(attribute(transform, Phase1AttributeType.GROUP_DESCRIPTION)).isEqualTo(GroupDescription.MODP_2048.value());
        assertThat(attribute(transform, Phase1AttributeType.AUTHENTICATION_METHOD))
                .isEqualTo(AuthenticationMethod.RSA_SIGNATURES.value());
        assertThat(attribute(transform, Phase1AttributeType.LIFE_TYPE)).isEqualTo(LifeType.SECONDS.value());
    }

    @Test
    void strongSwanMainMode1AnnouncesDpdFragmentationAndNatTraversal() throws Exception {
        List<Bytes> vendorIds = decoder.decode(StrongSwanCapture.MAIN_MODE_1_INITIATOR)
                .all(VendorIdPayload.class).stream().map(VendorIdPayload::vendorId).toList();

        assertThat(vendorIds).contains(VendorIds.DPD, VendorIds.FRAGMENTATION, VendorIds.NAT_T_RFC3947,
                VendorIds.NAT_T_DRAFT_02_N);
        assertThat(vendorIds.stream().filter(VendorIds::announcesFragmentation)).hasSize(1);
    }

    @Test
    void saBodyIsKeptExactlyAsSentForHashI() throws Exception {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR;
        SecurityAssociationPayload sa = decoder.decode(datagram).first(SecurityAssociationPayload.class).orElseThrow();

        int saLength = ((datagram[30] & 0xFF) << 8) | (datagram[31] & 0xFF);
        assertThat(sa.encodeBody()).isEqualTo(Bytes.of(datagram, 32, saLength - 4));
    }

    @Test
    void strongSwanMainMode3And4CarryKeyExchangeNonceNatDAndCertificateRequest() throws Exception {
        IsakmpMessage third = decoder.decode(StrongSwanCapture.MAIN_MODE_3_INITIATOR);
        IsakmpMessage fourth = decoder.decode(StrongSwanCapture.MAIN_MODE_4_RESPONDER);

        assertThat(third.first(KeyExchangePayload.class).orElseThrow().publicValue().length()).isEqualTo(256);
        assertThat(third.all(NatDiscoveryPayload.class)).hasSize(2);
        assertThat(third.first(NoncePayload.class)).isPresent();
        CertificateRequestPayload request = fourth.first(CertificateRequestPayload.class).orElseThrow();
        assertThat(request.encoding()).isEqualTo(CertEncoding.X509_SIGNATURE);
        assertThat(request.authority().length()).isPositive();
    }

    @Test
    void everyPlaintextCaptureReencodesByteForByte() throws Exception {
        for (byte[] datagram : PLAINTEXT) {
            assertThat(IsakmpEncoder.encode(decoder.decode(datagram))).isEqualTo(datagram);
        }
    }

    @Test
    void everyEncryptedCaptureSplitsIntoHeaderAndCiphertextAndReencodes() throws Exception {
        for (byte[] datagram : ENCRYPTED) {
            EncryptedMessage message = decoder.decodeEncrypted(datagram);

            assertThat(message.header().isEncrypted()).isTrue();
            assertThat(message.firstPayload()).isEqualTo(PayloadType.HASH);
            assertThat(message.ciphertext().length()).isEqualTo(datagram.length - IsakmpHeader.LENGTH);
            assertThat(message.ciphertext().length() % 16).isZero();
            assertThat(IsakmpEncoder.encode(message)).isEqualTo(datagram);
        }
    }

    @Test
    void strongSwanFragmentsReassembleIntoTheEncryptedMainMode5() throws Exception {
        byte[] mainMode5 = reassemble(StrongSwanCapture.MAIN_MODE_5_FRAGMENT_3,
                StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_2);

        assertThat(mainMode5).hasSize(1244);
        EncryptedMessage message = decoder.decodeEncrypted(mainMode5);
        assertThat(message.header().exchangeType()).isEqualTo(ExchangeType.IDENTITY_PROTECTION);
        assertThat(message.firstPayload()).isEqualTo(PayloadType.IDENTIFICATION);
    }

    @Test
    void fragmentMessagesCarryNoFlagsAndFragmentIdOne() throws Exception {
        IsakmpMessage first = decoder.decode(StrongSwanCapture.MAIN_MODE_6_FRAGMENT_1);
        IsakmpMessage last = decoder.decode(StrongSwanCapture.MAIN_MODE_6_FRAGMENT_3);

        assertThat(first.header().flags()).isZero();
        FragmentPayload firstFragment = first.first(FragmentPayload.class).orElseThrow();
        assertThat(firstFragment.fragmentId()).isEqualTo(1);
        assertThat(firstFragment.number()).isEqualTo(1);
        assertThat(firstFragment.isLast()).isFalse();
        assertThat(last.first(FragmentPayload.class).orElseThrow().isLast()).isTrue();
    }

    @Test
    void fragmenterReproducesStrongSwanFragmentsByteForByte() throws Exception {
        List<byte[]> captured = List.of(StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1,
                StrongSwanCapture.MAIN_MODE_5_FRAGMENT_2, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_3);
        byte[] mainMode5 = reassemble(captured.toArray(byte[][]::new));

        List<byte[]> ours = IkeFragmenter.fragment(mainMode5, StrongSwanCapture.FRAGMENT_DATAGRAM_SIZE, 1);

        assertThat(ours).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(ours.get(i)).isEqualTo(captured.get(i));
        }
    }

    private byte[] reassemble(byte[]... fragments) throws IsakmpDecodeException {
        FragmentReassembler reassembler = new FragmentReassembler(java.time.Clock.systemUTC(), ReassemblyLimits.defaults());
        ReassemblyResult result = null;
        for (byte[] fragment : fragments) {
            result = reassembler.offer(decoder.decode(fragment));
        }
        assertThat(result).isInstanceOf(ReassemblyResult.Complete.class);
        return ((ReassemblyResult.Complete) result).message().toByteArray();
    }

    private static long attribute(TransformPayload transform, Phase1AttributeType type) {
        return transform.attribute(type).orElseThrow().longValue();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

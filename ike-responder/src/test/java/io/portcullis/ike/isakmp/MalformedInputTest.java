package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Malformed, truncated and random input gives a typed decode error and nothing else. */
class MalformedInputTest {

    private static final List<byte[]> VALID = List.of(StrongSwanCapture.MAIN_MODE_1_INITIATOR,
            StrongSwanCapture.MAIN_MODE_2_RESPONDER, StrongSwanCapture.MAIN_MODE_3_INITIATOR,
            StrongSwanCapture.MAIN_MODE_4_RESPONDER, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_3,
            HandBuiltVectorsTest.MIXED_PLAINTEXT);

    private final IsakmpDecoder decoder = new IsakmpDecoder();

    @Test
    void everyTruncationOfAValidMessageIsATypedError() {
        for (byte[] valid : VALID) {
            for (int length = 0; length < valid.length; length++) {
                byte[] truncated = Arrays.copyOf(valid, length);
                assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(IsakmpDecodeException.class);
            }
        }
    }

    @Test
    void everyTruncationWithAPatchedHeaderLengthIsATypedError() {
        // the header length agrees with the datagram, so the payload chain itself runs short
        for (byte[] valid : VALID) {
            for (int length = IsakmpHeader.LENGTH; length < valid.length; length++) {
                byte[] truncated = withHeaderLength(Arrays.copyOf(valid, length), length);
                assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(IsakmpDecodeException.class);
            }
        }
    }

    @Test
    void everyTruncationOfADecryptedBodyIsATypedErrorOrShorterPadding() throws Exception {
        byte[] body = HandBuiltVectorsTest.QUICK_MODE_BODY;
        int payloadBytes = body.length - 4;
        for (int length = 0; length < body.length; length++) {
            byte[] truncated = Arrays.copyOf(body, length);
            ThrowingCallable decode = () -> decoder.decodeDecrypted(HandBuiltVectorsTest.QUICK_MODE_HEADER,
                    PayloadType.HASH, truncated);
            if (length < payloadBytes) {
                assertThatThrownBy(decode).isInstanceOf(IsakmpDecodeException.class);
            } else {
                assertThat(paddingLength(truncated)).isEqualTo(length - payloadBytes);
            }
        }
    }

    @Test
    void randomBytesNeverCauseAnythingButATypedError() {
        Random random = new Random(20240601L);
        for (int round = 0; round < 20_000; round++) {
            byte[] datagram = new byte[random.nextInt(200)];
            random.nextBytes(datagram);
            if (datagram.length >= IsakmpHeader.LENGTH && random.nextBoolean()) {
                datagram[17] = 0x10; // make most of them get past the version check
                withHeaderLength(datagram, datagram.length);
            }
            decodeExpectingOnlyTypedErrors(datagram);
        }
    }

    @Test
    void mutatedValidMessagesDecodeExactlyOrFailTyped() {
        Random random = new Random(7L);
        for (int round = 0; round < 20_000; round++) {
            byte[] datagram = VALID.get(random.nextInt(VALID.size())).clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                datagram[random.nextInt(datagram.length)] = (byte) random.nextInt(256);
            }
            IsakmpMessage decoded = decodeExpectingOnlyTypedErrors(datagram);
            if (decoded != null) {
                // whatever decodes must re-encode to exactly the bytes received
                assertThat(IsakmpEncoder.encode(decoded)).isEqualTo(datagram);
            }
        }
    }

    @Test
    void payloadLengthBelowFourIsRejected() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        datagram[30] = 0;
        datagram[31] = 3;

        assertFailure(datagram, DecodeFailure.PAYLOAD_LENGTH_TOO_SMALL, 28);
    }

    @Test
    void payloadLengthBeyondTheMessageIsRejected() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        datagram[30] = 0x01;
        datagram[31] = 0x00;

        assertFailure(datagram, DecodeFailure.PAYLOAD_LENGTH_OVERRUN, 32);
    }

    @Test
    void headerLengthDifferentFromDatagramLengthIsRejected() {
        byte[] datagram = Arrays.copyOf(StrongSwanCapture.MAIN_MODE_1_INITIATOR, 184);

        assertFailure(datagram, DecodeFailure.LENGTH_MISMATCH, 24);
    }

    @Test
    void headerLengthBelowTheHeaderSizeIsRejected() {
        assertFailure(withHeaderLength(StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone(), 27),
                DecodeFailure.HEADER_LENGTH_TOO_SMALL, 24);
    }

    @Test
    void trailingBytesAfterTheLastPlaintextPayloadAreRejected() {
        byte[] valid = StrongSwanCapture.MAIN_MODE_1_INITIATOR;
        byte[] datagram = withHeaderLength(Arrays.copyOf(valid, valid.length + 4), valid.length + 4);

        assertFailure(datagram, DecodeFailure.TRAILING_BYTES, valid.length);
    }

    @Test
    void ikev2HeaderIsRejectedAsUnsupportedVersion() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        datagram[17] = 0x20;

        assertFailure(datagram, DecodeFailure.UNSUPPORTED_MAJOR_VERSION, 17);
    }

    @Test
    void shortDatagramIsATruncatedHeader() {
        assertFailure(new byte[27], DecodeFailure.TRUNCATED_HEADER, 0);
    }

    @Test
    void tooManyPayloadsAreRejected() {
        PayloadBody[] bodies = new PayloadBody[5];
        Arrays.fill(bodies, NoncePayload.of(new byte[8]));
        byte[] datagram = IsakmpEncoder.encode(IsakmpMessage.of(header(0), bodies));

        assertThatThrownBy(() -> new IsakmpDecoder(4).decode(datagram)).isInstanceOfSatisfying(
                IsakmpDecodeException.class, e -> assertThat(e.reason()).isEqualTo(DecodeFailure.TOO_MANY_PAYLOADS));
    }

    @Test
    void transformCountDisagreeingWithTheChainIsBadProposalSyntax() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        datagram[47] = 2; // "# of transforms" of the only proposal

        assertFailure(datagram, DecodeFailure.BAD_PROPOSAL_SYNTAX, -1);
    }

    @Test
    void attributeLengthOverrunningTheTransformIsRejected() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        datagram[80] = 0x00; // LIFE_DURATION becomes variable-length: length 0x3de0 reaches past the transform

        assertFailure(datagram, DecodeFailure.MALFORMED_ATTRIBUTE, -1);
    }

    @Test
    void saWithForeignDoiOrLabelledSituationIsRejectedWithTheMatchingNotify() {
        byte[] foreignDoi = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        foreignDoi[35] = 2;
        byte[] secrecy = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        secrecy[39] = 3;

        assertFailure(foreignDoi, DecodeFailure.UNSUPPORTED_DOI, 32);
        assertFailure(secrecy, DecodeFailure.UNSUPPORTED_SITUATION, 36);
    }

    @Test
    void proposalOutsideAnSaIsMisplaced() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_1_INITIATOR.clone();
        datagram[16] = 2;

        assertFailure(datagram, DecodeFailure.MISPLACED_PAYLOAD, 28);
    }

    @Test
    void addressIdWithWrongDataLengthIsInvalidId() {
        byte[] datagram = IsakmpEncoder.encode(IsakmpMessage.of(header(0), IdentificationPayload.fqdn("abcde")));
        datagram[32] = (byte) IdType.IPV4_ADDR.value();

        assertFailure(datagram, DecodeFailure.INVALID_ID, 36);
    }

    @Test
    void deleteWhoseSpiCountDisagreesWithItsLengthIsMalformed() {
        DeletePayload delete = DeletePayload.of(ProtocolId.IPSEC_ESP, List.of(Bytes.fromHex("01020304")));
        byte[] datagram = IsakmpEncoder.encode(IsakmpMessage.of(header(0), delete));
        datagram[39] = 2;

        assertFailure(datagram, DecodeFailure.MALFORMED_BODY, 40);
    }

    @Test
    void fragmentNumberZeroIsMalformed() {
        byte[] datagram = StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1.clone();
        datagram[34] = 0;

        assertFailure(datagram, DecodeFailure.MALFORMED_BODY, 35);
    }

    @Test
    void encryptedMessageOnThePlaintextPathIsRejectedAndViceVersa() {
        assertFailure(StrongSwanCapture.QUICK_MODE_1_INITIATOR, DecodeFailure.UNEXPECTED_ENCRYPTION_FLAG, 19);
        assertThatThrownBy(() -> decoder.decodeEncrypted(StrongSwanCapture.MAIN_MODE_1_INITIATOR))
                .isInstanceOfSatisfying(IsakmpDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeFailure.UNEXPECTED_ENCRYPTION_FLAG));
    }

    private IsakmpMessage decodeExpectingOnlyTypedErrors(byte[] datagram) {
        try {
            return decoder.decode(datagram);
        } catch (IsakmpDecodeException expected) {
            assertThat(expected.offset()).isBetween(0, Math.max(0, datagram.length));
            return null;
        }
    }

    private int paddingLength(byte[] body) throws IsakmpDecodeException {
        return decoder.decodeDecrypted(HandBuiltVectorsTest.QUICK_MODE_HEADER, PayloadType.HASH, body).padding().length();
    }

    /** {@code offset} -1 means "any offset". */
    private void assertFailure(byte[] datagram, DecodeFailure reason, int offset) {
        assertThatThrownBy(() -> decoder.decode(datagram)).isInstanceOfSatisfying(IsakmpDecodeException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            if (offset >= 0) {
                assertThat(e.offset()).isEqualTo(offset);
            }
        });
    }

    private static IsakmpHeader header(int flags) {
        return IsakmpHeader.of(1L, 2L, ExchangeType.INFORMATIONAL, flags, 0x01020304);
    }

    private static byte[] withHeaderLength(byte[] datagram, int length) {
        datagram[24] = (byte) (length >>> 24);
        datagram[25] = (byte) (length >>> 16);
        datagram[26] = (byte) (length >>> 8);
        datagram[27] = (byte) length;
        return datagram;
    }
}

package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the ISAKMP decoder (Jazzer). Without JAZZER_FUZZ this runs the seed
 * corpus in {@code IsakmpDecoderFuzzTestInputs/} (captured strongSwan datagrams and every finding)
 * as a regression test; {@code bin/fuzz} runs it as a fuzzer. The only exception a datagram may
 * cause is {@link IsakmpDecodeException}; whatever decodes re-encodes to the same bytes.
 */
class IsakmpDecoderFuzzTest {

    private final IsakmpDecoder decoder = new IsakmpDecoder();

    @FuzzTest(maxDuration = "5s")
    void datagram(byte[] datagram) {
        IsakmpHeader header;
        try {
            header = decoder.decodeHeader(datagram);
        } catch (IsakmpDecodeException expected) {
            return;
        }
        if (!header.isEncrypted()) {
            try {
                IsakmpMessage message = decoder.decode(datagram);
                assertThat(IsakmpEncoder.encode(message)).isEqualTo(datagram);
            } catch (IsakmpDecodeException expected) {
                return;
            }
            return;
        }
        EncryptedMessage encrypted;
        try {
            encrypted = decoder.decodeEncrypted(datagram);
        } catch (IsakmpDecodeException expected) {
            return;
        }
        // Stand-in for a decrypted body: the body bytes read as if they were the plaintext.
        try {
            decoder.decodeDecrypted(encrypted, encrypted.ciphertext().toByteArray());
        } catch (IsakmpDecodeException expected) {
            // typed: fine
        }
    }
}

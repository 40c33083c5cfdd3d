package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeFragmenterTest {

    private final IsakmpDecoder decoder = new IsakmpDecoder();

    @Test
    void everyFragmentFitsTheGivenDatagramSize() {
        byte[] message = largeMessage(3000);

        List<byte[]> fragments = IkeFragmenter.fragment(message, 1252, 9);

        assertThat(fragments).hasSize(3).allSatisfy(f -> assertThat(f.length).isLessThanOrEqualTo(1252));
    }

    @Test
    void onlyTheLastFragmentIsFlaggedLastAndNumbersStartAtOne() throws Exception {
        List<byte[]> fragments = IkeFragmenter.fragment(largeMessage(1000), 400, 9);

        for (int i = 0; i < fragments.size(); i++) {
            IsakmpMessage message = decoder.decode(fragments.get(i));
            FragmentPayload fragment = message.first(FragmentPayload.class).orElseThrow();
            assertThat(fragment.number()).isEqualTo(i + 1);
            assertThat(fragment.fragmentId()).isEqualTo(9);
            assertThat(fragment.isLast()).isEqualTo(i == fragments.size() - 1);
            assertThat(message.header().flags()).isZero();
            assertThat(message.header().exchangeType()).isEqualTo(ExchangeType.IDENTITY_PROTECTION);
        }
    }

    @Test
    void fragmentsReassembleToTheOriginalMessage() throws Exception {
        byte[] original = largeMessage(2000);
        FragmentReassembler reassembler = new FragmentReassembler(Clock.systemUTC(), ReassemblyLimits.defaults());

        ReassemblyResult result = null;
        for (byte[] fragment : IkeFragmenter.fragment(original, 576, 1)) {
            result = reassembler.offer(decoder.decode(fragment));
        }

        assertThat(result).isEqualTo(new ReassemblyResult.Complete(Bytes.of(original)));
    }

    @Test
    void smallMessageBecomesASingleLastFragment() throws Exception {
        List<byte[]> fragments = IkeFragmenter.fragment(largeMessage(10), 1252, 1);

        assertThat(fragments).hasSize(1);
        assertThat(decoder.decode(fragments.get(0)).first(FragmentPayload.class).orElseThrow().isLast()).isTrue();
    }

    @Test
    void datagramSizeWithoutRoomForDataIsRefused() {
        assertThatThrownBy(() -> IkeFragmenter.fragment(largeMessage(10), IkeFragmenter.OVERHEAD, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An encrypted Main Mode 5 lookalike whose ciphertext has the given length. */
    private static byte[] largeMessage(int ciphertextLength) {
        IsakmpHeader header = IsakmpHeader.of(5L, 6L, ExchangeType.IDENTITY_PROTECTION, IsakmpHeader.FLAG_ENCRYPTION, 0);
        return IsakmpEncoder.encode(new EncryptedMessage(header, PayloadType.IDENTIFICATION,
                Bytes.of(new byte[ciphertextLength])));
    }
}

package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.portcullis.ike.testing.ManualClock;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of IKE fragment reassembly, fed the way the responder feeds it: a
 * sequence of datagrams, each decoded, its fragment payload offered under one of a few sender
 * addresses, and a completed message decoded again. Input format (so that seeds are real
 * captured datagrams): records of {@code control(1) | length(2) | datagram}, where the control
 * octet's low two bits pick the sender and the rest advances the clock by that many seconds.
 * Invariants: no exception but {@link IsakmpDecodeException}; the reassembler's bounds hold.
 */
class FragmentReassemblyFuzzTest {

    /** Small limits, so that the fuzzer reaches every eviction path. */
    private static final ReassemblyLimits LIMITS = new ReassemblyLimits(4, 2048, 3, 4096, Duration.ofSeconds(30));
    private static final String[] SENDERS = { "192.0.2.1:500", "192.0.2.1:4500", "198.51.100.7:500", "203.0.113.9:4500" };

    @FuzzTest(maxDuration = "5s")
    void datagrams(byte[] input) {
        ManualClock clock = new ManualClock();
        FragmentReassembler reassembler = new FragmentReassembler(clock, LIMITS);
        IsakmpDecoder decoder = new IsakmpDecoder();
        ByteBuffer records = ByteBuffer.wrap(input);
        while (records.remaining() >= 3) {
            int control = records.get() & 0xFF;
            int length = Math.min(records.getShort() & 0xFFFF, records.remaining());
            byte[] datagram = new byte[length];
            records.get(datagram);
            clock.advance(Duration.ofSeconds(control >>> 2));
            IsakmpMessage message;
            try {
                message = decoder.decode(datagram);
            } catch (IsakmpDecodeException expected) {
                continue;
            }
            if (message.first(FragmentPayload.class).isEmpty()) {
                continue;
            }
            ReassemblyResult result = reassembler.offer(SENDERS[control & 3], message.header().initiatorCookie(),
                    message.first(FragmentPayload.class).get());
            if (result instanceof ReassemblyResult.Complete complete) {
                assertThat(complete.message().length()).isLessThanOrEqualTo(LIMITS.maxMessageBytes());
                try {
                    decoder.decodeHeader(complete.message().toByteArray());
                } catch (IsakmpDecodeException expected) {
                    // a reassembled message is as untrusted as a datagram
                }
            }
            assertThat(reassembler.pendingMessages()).isBetween(0, LIMITS.maxPendingMessages());
            assertThat(reassembler.pendingBytes()).isBetween(0L, LIMITS.maxTotalBytes() + LIMITS.maxMessageBytes());
        }
    }
}

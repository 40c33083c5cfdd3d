package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FragmentReassemblerTest {

    private static final long COOKIE = 0x4d0dd3a981d24f2aL;
    private static final ReassemblyResult PENDING = new ReassemblyResult.Pending();

    private final ManualClock clock = new ManualClock();
    private final FragmentReassembler reassembler = new FragmentReassembler(clock,
            new ReassemblyLimits(4, 100, 3, 250, Duration.ofSeconds(30)));

    @Test
    void fragmentsInOrderCompleteTheMessage() {
        assertThat(offer(COOKIE, 1, 1, false, "aaaa")).isEqualTo(PENDING);
        assertThat(offer(COOKIE, 1, 2, true, "bb")).isEqualTo(complete("aaaabb"));
        assertThat(reassembler.pendingMessages()).isZero();
        assertThat(reassembler.pendingBytes()).isZero();
    }

    @Test
    void fragmentsInAnyOrderCompleteTheMessage() {
        assertThat(offer(COOKIE, 1, 3, true, "cc")).isEqualTo(PENDING);
        assertThat(offer(COOKIE, 1, 1, false, "aa")).isEqualTo(PENDING);
        assertThat(offer(COOKIE, 1, 2, false, "bb")).isEqualTo(complete("aabbcc"));
    }

    @Test
    void duplicateFragmentIsIgnored() {
        offer(COOKIE, 1, 1, false, "aa");

        assertThat(offer(COOKIE, 1, 1, false, "ff")).isEqualTo(dropped(ReassemblyResult.Reason.DUPLICATE));
        assertThat(offer(COOKIE, 1, 2, true, "bb")).isEqualTo(complete("aabb"));
    }

    @Test
    void retransmittedMessageReassemblesAgainSoTheExchangeCanAnswerIt() {
        offer(COOKIE, 1, 1, false, "aa");
        offer(COOKIE, 1, 2, true, "bb");

        assertThat(offer(COOKIE, 1, 1, false, "aa")).isEqualTo(PENDING);
        assertThat(offer(COOKIE, 1, 2, true, "bb")).isEqualTo(complete("aabb"));
    }

    @Test
    void messagesAreKeptApartByCookieAndFragmentId() {
        offer(COOKIE, 1, 1, false, "a1");
        offer(COOKIE, 2, 1, false, "b1");
        offer(COOKIE + 1, 1, 1, false, "c1");

        assertThat(offer(COOKIE, 2, 2, true, "b2")).isEqualTo(complete("b1b2"));
        assertThat(offer(COOKIE + 1, 1, 2, true, "c2")).isEqualTo(complete("c1c2"));
        assertThat(offer(COOKIE, 1, 2, true, "a2")).isEqualTo(complete("a1a2"));
    }

    @Test
    void fragmentNumberAboveTheLimitDropsTheMessage() {
        offer(COOKIE, 1, 1, false, "aa");

        assertThat(offer(COOKIE, 1, 5, true, "ee")).isEqualTo(dropped(ReassemblyResult.Reason.TOO_MANY_FRAGMENTS));
        assertThat(reassembler.pendingMessages()).isZero();
    }

    @Test
    void messageLargerThanTheByteLimitIsDropped() {
        offer(COOKIE, 1, 1, false, "00".repeat(60));

        assertThat(offer(COOKIE, 1, 2, false, "00".repeat(41)))
                .isEqualTo(dropped(ReassemblyResult.Reason.MESSAGE_TOO_LARGE));
        assertThat(reassembler.pendingBytes()).isZero();
    }

    @Test
    void fragmentBeyondTheAnnouncedLastDropsTheMessage() {
        offer(COOKIE, 1, 2, true, "bb");

        assertThat(offer(COOKIE, 1, 3, false, "cc")).isEqualTo(dropped(ReassemblyResult.Reason.INCONSISTENT_LAST));
        assertThat(reassembler.pendingMessages()).isZero();
    }

    @Test
    void lastFlagBelowAnAlreadyHeldFragmentDropsTheMessage() {
        offer(COOKIE, 1, 3, false, "cc");

        assertThat(offer(COOKIE, 1, 2, true, "bb")).isEqualTo(dropped(ReassemblyResult.Reason.INCONSISTENT_LAST));
    }

    @Test
    void incompleteMessageExpiresAfterTheTimeout() {
        offer(COOKIE, 1, 1, false, "aa");
        clock.advance(Duration.ofSeconds(30));
        reassembler.purgeExpired();

        assertThat(reassembler.pendingMessages()).isZero();
        assertThat(offer(COOKIE, 1, 2, true, "bb")).isEqualTo(PENDING);
    }

    @Test
    void incompleteMessageSurvivesJustBeforeTheTimeout() {
        offer(COOKIE, 1, 1, false, "aa");
        clock.advance(Duration.ofSeconds(29));

        assertThat(offer(COOKIE, 1, 2, true, "bb")).isEqualTo(complete("aabb"));
    }

    @Test
    void oldestMessageIsEvictedWhenTooManyArePending() {
        offer(1, 1, 1, false, "11");
        offer(2, 1, 1, false, "21");
        offer(3, 1, 1, false, "31");
        offer(4, 1, 1, false, "41");

        assertThat(reassembler.pendingMessages()).isEqualTo(3);
        assertThat(offer(1, 1, 2, true, "12")).isEqualTo(PENDING); // its first fragment was evicted
        assertThat(offer(4, 1, 2, true, "42")).isEqualTo(complete("4142"));
    }

    @Test
    void oldestMessageIsEvictedWhenTheTotalByteBudgetIsExceeded() {
        offer(1, 1, 1, false, "00".repeat(99));
        offer(2, 1, 1, false, "00".repeat(99));
        offer(3, 1, 1, false, "00".repeat(99));

        assertThat(reassembler.pendingBytes()).isLessThanOrEqualTo(250);
        assertThat(reassembler.pendingMessages()).isEqualTo(2);
        assertThat(offer(3, 1, 2, true, "ff")).isInstanceOf(ReassemblyResult.Complete.class);
    }

    private ReassemblyResult offer(long cookie, int id, int number, boolean last, String hex) {
        return reassembler.offer(cookie, FragmentPayload.of(id, number, last, Bytes.fromHex(hex)));
    }

    private static ReassemblyResult complete(String hex) {
        return new ReassemblyResult.Complete(Bytes.fromHex(hex));
    }

    private static ReassemblyResult dropped(ReassemblyResult.Reason reason) {
        return new ReassemblyResult.Dropped(reason);
    }
}

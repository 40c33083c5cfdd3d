package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.harness.TestPki;
import io.portcullis.ike.testing.ManualClock;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One table of the exchanges in progress under an IKE SA, and the one source of the message IDs we choose. */
class ExchangeTableTest {

    /** Hands out the integers it was given, in order. */
    private static final class Scripted extends SecureRandom {
        private final Deque<Integer> values = new ArrayDeque<>();

        @Override
        public int nextInt() {
            return values.remove();
        }
    }

    private final Scripted random = new Scripted();
    private final ExchangeContext ctx = ExchangeContext.of(GatewayPolicy.strongDefaults(Gateway.PROTECTED), null,
            (certificates, id, now) -> {
                throw new AssertionError("no peer checks here");
            }, peer -> Optional.empty(), new ManualClock(TestPki.NOW), random);
    private final ExchangeTable table = new ExchangeTable();

    @Test
    void ourMessageIdsAreNeverZeroNorInProgressNorUsedLately() {
        table.add(5, new ExchangeTable.Entry(Role.RESPONDER, null, null)); // the peer's Quick Mode
        random.values.addAll(List.of(0, 5, 7));

        assertThat(table.newMessageId(ctx)).isEqualTo(7);

        random.values.addAll(List.of(7, 5, 9));
        assertThat(table.newMessageId(ctx)).as("7 was ours, 5 is the peer's").isEqualTo(9);
        table.remove(5);
        random.values.addAll(List.of(5, 11));
        assertThat(table.newMessageId(ctx)).as("5 was used lately, though it ended").isEqualTo(11);
    }

    @Test
    void theTableKnowsTheRoleOfEachExchange() {
        table.add(5, new ExchangeTable.Entry(Role.RESPONDER, null, null));
        table.add(6, new ExchangeTable.Entry(Role.RESPONDER, null, null));

        assertThat(table.count(Role.RESPONDER)).isEqualTo(2);
        assertThat(table.count(Role.INITIATOR)).isZero();
        assertThat(table.initiated(5)).isEmpty();
        assertThat(table.inProgress(6)).isTrue();
        table.remove(6);
        assertThat(table.inProgress(6)).isFalse();
    }

    @Test
    void onlyTheLatestMessageIdsAreRemembered() {
        for (int i = 1; i <= ExchangeTable.REMEMBERED + 1; i++) {
            random.values.add(i);
            table.newMessageId(ctx);
        }
        random.values.addAll(List.of(2, 1));

        assertThat(table.newMessageId(ctx)).as("1 is the oldest, forgotten").isEqualTo(1);
    }
}

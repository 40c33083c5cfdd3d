package io.portcullis.ike.keymat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.crypto.PrfAlgorithm;
import org.junit.jupiter.api.Test;

class IvChainsTest {

    private static IvChains chains(int max) {
        return new IvChains(PrfAlgorithm.HMAC_SHA1,
                IvChain.phase1(PrfAlgorithm.HMAC_SHA1, new byte[] {1, 2}, new byte[] {3, 4}, 16), max);
    }

    @Test
    void sameMessageIdGivesTheSameChainAndItsIvComesFromPhase1() {
        IvChains chains = chains(4);

        IvChain first = chains.forMessageId(42);

        assertThat(chains.forMessageId(42)).isSameAs(first);
        assertThat(first.current())
                .isEqualTo(IvChain.phase2(PrfAlgorithm.HMAC_SHA1, chains.phase1(), 42).current());
        assertThat(chains.forMessageId(43).current()).isNotEqualTo(first.current());
    }

    @Test
    void peerCannotGrowTheChainsBeyondTheLimit() {
        IvChains chains = chains(3);
        IvChain oldest = chains.forMessageId(1);
        chains.forMessageId(2);
        chains.forMessageId(3);

        chains.forMessageId(4);

        assertThat(chains.size()).isEqualTo(3);
        assertThat(chains.forMessageId(1)).as("evicted chain is restarted").isNotSameAs(oldest);
    }

    @Test
    void recentlyUsedChainsSurviveEviction() {
        IvChains chains = chains(2);
        IvChain kept = chains.forMessageId(1);
        chains.forMessageId(2);
        chains.forMessageId(1);

        chains.forMessageId(3);

        assertThat(chains.forMessageId(1)).isSameAs(kept);
    }

    @Test
    void forgottenExchangesAreDropped() {
        IvChains chains = chains(2);
        chains.forMessageId(7);

        chains.forget(7);

        assertThat(chains.size()).isZero();
    }

    @Test
    void messageIdZeroBelongsToPhase1() {
        assertThatThrownBy(() -> chains(2).forMessageId(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

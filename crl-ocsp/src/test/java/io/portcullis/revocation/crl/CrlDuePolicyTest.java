package io.portcullis.revocation.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrlDuePolicyTest {

    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    private static Optional<CrlMeta> full(long number) {
        return Optional.of(new CrlMeta("issuing", CrlKind.FULL, number, null, T, T.plusSeconds(86_400), 0));
    }

    private static Optional<CrlMeta> delta(long number, long base) {
        return Optional.of(new CrlMeta("issuing", CrlKind.DELTA, number, base, T, T.plusSeconds(3_600), 0));
    }

    @Test
    void firstCrlsAreDue() {
        assertThat(CrlDuePolicy.decide(Optional.empty(), Optional.empty(), false, T)).isEqualTo(new CrlDuePolicy.Decision(true, true));
    }

    @Test
    void nothingIsDueBeforeHalfLifeWithoutChanges() {
        assertThat(CrlDuePolicy.decide(full(1), delta(2, 1), false, T.plusSeconds(1_799)).any()).isFalse();
    }

    @Test
    void deltaAloneAtItsHalfLife() {
        assertThat(CrlDuePolicy.decide(full(1), delta(2, 1), false, T.plusSeconds(1_800))).isEqualTo(new CrlDuePolicy.Decision(false, true));
    }

    @Test
    void fullAtItsHalfLife() {
        assertThat(CrlDuePolicy.decide(full(1), delta(2, 1), false, T.plusSeconds(43_200)).full()).isTrue();
    }

    @Test
    void anUnpublishedRevocationMakesBothDueAtOnce() {
        assertThat(CrlDuePolicy.decide(full(1), delta(2, 1), true, T.plusSeconds(1))).isEqualTo(new CrlDuePolicy.Decision(true, true));
    }

    @Test
    void aDeltaOlderThanTheFullIsReplaced() {
        assertThat(CrlDuePolicy.decide(full(5), delta(4, 3), false, T.plusSeconds(1)).delta()).isTrue();
    }
}

package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.testing.ManualClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Soft and hard lifetimes by kilobytes and by time (injected clock), reported once each. */
class SaLifetimeTest {
    private static final int SPI = 0x3000_0003;
    private final ManualClock clock = new ManualClock(Fixtures.T0);

    private static byte[] innerOf(int totalLength) {
        return Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1, 2, totalLength - 28);
    }

    private static EspResult send(SecurityAssociation out, byte[] inner) {
        return new EspEncoder(new SaDatabase()).encode(out, inner, 0, inner.length, new byte[inner.length + 100], 0);
    }

    @Test
    void softKilobyteLimitAsksForRekeyOnceAndHardLimitExpiresTheSa() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, clock,
                LifetimeLimits.unlimited().withKilobytes(2, 4), 128);
        byte[] kilobyte = innerOf(1024);

        assertThat(send(pair.out(), kilobyte).lifetimeEvent()).isEqualTo(LifetimeEvent.NONE);
        assertThat(send(pair.out(), kilobyte).lifetimeEvent()).isEqualTo(LifetimeEvent.SOFT_LIMIT_REACHED);
        assertThat(pair.out().lifetime().isRekeyWanted()).isTrue();
        assertThat(send(pair.out(), kilobyte).lifetimeEvent()).as("reported once").isEqualTo(LifetimeEvent.NONE);
        assertThat(send(pair.out(), kilobyte).lifetimeEvent()).isEqualTo(LifetimeEvent.HARD_LIMIT_REACHED);
        assertThat(pair.out().lifetime().isExpired()).isTrue();

        EspResult after = send(pair.out(), kilobyte);
        assertThat(((EspResult.Dropped) after).reason()).isEqualTo(DropReason.EXPIRED);
        assertThat(pair.out().lifetime().bytes()).isEqualTo(4 * 1024);
        assertThat(pair.out().lifetime().packets()).isEqualTo(4);
    }

    @Test
    void inboundBytesCountTowardsLifetimeAndExpiredInboundSaDropsPackets() throws Exception {
        EspTransform t = EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128);
        Fixtures.Pair pair = Fixtures.pair(t, SPI, clock, LifetimeLimits.unlimited().withKilobytes(1, 2), 128);
        SecurityAssociation unlimitedSender = Fixtures.pair(t, SPI, clock).out(); // same SPI, same keys
        SaDatabase rx = new SaDatabase();
        rx.install(pair.in());
        EspDecoder decoder = new EspDecoder(rx);
        byte[] inner = innerOf(1024);
        LifetimeEvent[] events = new LifetimeEvent[3];
        DropReason last = null;
        for (int i = 0; i < 3; i++) {
            byte[] esp = new byte[inner.length + 100];
            EspResult.Processed s = (EspResult.Processed) new EspEncoder(new SaDatabase())
                    .encode(unlimitedSender, inner, 0, inner.length, esp, 0);
            EspResult r = decoder.decode(esp, 0, s.length(), new byte[s.length()], 0);
            events[i] = r.lifetimeEvent();
            last = r instanceof EspResult.Dropped d ? d.reason() : null;
        }
        assertThat(Arrays.asList(events)).containsExactly(
                LifetimeEvent.SOFT_LIMIT_REACHED, LifetimeEvent.HARD_LIMIT_REACHED, LifetimeEvent.NONE);
        assertThat(last).isEqualTo(DropReason.EXPIRED);
        assertThat(pair.in().drops(DropReason.EXPIRED)).isEqualTo(1);
    }

    @Test
    void softAndHardTimeLimitsFollowTheInjectedClock() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, clock,
                LifetimeLimits.ofTime(Duration.ofMinutes(50), Duration.ofMinutes(60)), 128);
        byte[] small = innerOf(100);

        clock.advance(Duration.ofMinutes(49));
        assertThat(send(pair.out(), small).lifetimeEvent()).isEqualTo(LifetimeEvent.NONE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(send(pair.out(), small).lifetimeEvent()).isEqualTo(LifetimeEvent.SOFT_LIMIT_REACHED);
        assertThat(pair.out().lifetime().isExpired()).isFalse();
        clock.advance(Duration.ofMinutes(10));
        EspResult expired = send(pair.out(), small);
        assertThat(((EspResult.Dropped) expired).reason()).isEqualTo(DropReason.EXPIRED);
        assertThat(expired.lifetimeEvent()).as("the drop carries the transition").isEqualTo(LifetimeEvent.HARD_LIMIT_REACHED);
    }

    @Test
    void idleSaCrossesTimeLimitsThroughDatabasePoll() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, clock,
                LifetimeLimits.ofTime(Duration.ofSeconds(30), Duration.ofSeconds(60)), 128);
        SaDatabase db = new SaDatabase();
        db.install(pair.out());
        db.install(pair.in());

        assertThat(db.pollLifetimes()).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        List<SaDatabase.LifetimeNotice> soft = db.pollLifetimes();
        assertThat(soft).extracting(SaDatabase.LifetimeNotice::event)
                .containsExactly(LifetimeEvent.SOFT_LIMIT_REACHED, LifetimeEvent.SOFT_LIMIT_REACHED);
        assertThat(db.pollLifetimes()).as("each threshold once").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(db.pollLifetimes()).extracting(SaDatabase.LifetimeNotice::sa)
                .containsExactlyInAnyOrder(pair.in(), pair.out());
    }

    @Test
    void crossingBothLimitsAtOnceReportsOnlyHard() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, clock,
                LifetimeLimits.ofTime(Duration.ofSeconds(10), Duration.ofSeconds(20)), 128);
        clock.advance(Duration.ofHours(1));
        assertThat(pair.out().lifetime().poll()).isEqualTo(LifetimeEvent.HARD_LIMIT_REACHED);
        assertThat(pair.out().lifetime().poll()).isEqualTo(LifetimeEvent.NONE);
    }

    @Test
    void limitsWhereSoftExceedsHardAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> LifetimeLimits.ofTime(Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LifetimeLimits.unlimited().withKilobytes(10, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

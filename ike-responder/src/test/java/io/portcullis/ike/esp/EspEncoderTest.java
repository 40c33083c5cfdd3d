package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Outbound policy: SA selection by selector, sequence exhaustion, and refusals. */
class EspEncoderTest {
    private static final int SPI = 0x4000_0004;

    private static DropReason reasonOf(EspResult r) {
        assertThat(r).isInstanceOf(EspResult.Dropped.class);
        return ((EspResult.Dropped) r).reason();
    }

    @Test
    void sequenceNumberExhaustionStopsAtTwoToTheThirtyTwoMinusOne() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, Clock.systemUTC());
        SaDatabase db = new SaDatabase();
        db.install(pair.out());
        EspEncoder encoder = new EspEncoder(db);
        byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1, 2, 10);
        byte[] out = new byte[200];
        pair.out().skipSequenceTo(SecurityAssociation.MAX_SEQUENCE - 1);

        EspResult last = encoder.encode(inner, 0, inner.length, out, 0);
        assertThat(last.isProcessed()).isTrue();
        assertThat(EspRoundTripTest.readInt(out, 4)).isEqualTo(0xFFFF_FFFF);
        assertThat(pair.out().isSequenceExhausted()).isTrue();

        // The database no longer offers the exhausted SA as "live", but it is still the only one covering the
        // packet, so the encoder reports why it cannot send rather than "no SA".
        assertThat(reasonOf(encoder.encode(inner, 0, inner.length, out, 0))).isEqualTo(DropReason.SEQUENCE_EXHAUSTED);
        assertThat(reasonOf(encoder.encode(pair.out(), inner, 0, inner.length, out, 0))).isEqualTo(DropReason.SEQUENCE_EXHAUSTED);
        assertThat(pair.out().highestSequence()).isEqualTo(SecurityAssociation.MAX_SEQUENCE);
        assertThat(pair.out().drops(DropReason.SEQUENCE_EXHAUSTED)).isEqualTo(2);
    }

    @Test
    void rekeyedSaTakesOverFromExhaustedOne() throws Exception {
        Fixtures.Pair old = Fixtures.pair(EspTransform.aesGcm16(128), SPI, Clock.systemUTC());
        Fixtures.Pair fresh = Fixtures.pair(EspTransform.aesGcm16(128), SPI + 1, Clock.systemUTC());
        SaDatabase db = new SaDatabase();
        db.install(fresh.out());
        db.install(old.out()); // installed later, but exhausted
        old.out().skipSequenceTo(SecurityAssociation.MAX_SEQUENCE);
        byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1, 2, 10);

        EspResult r = new EspEncoder(db).encode(inner, 0, inner.length, new byte[200], 0);

        assertThat(((EspResult.Processed) r).sa()).isSameAs(fresh.out());
    }

    @Test
    void newestCoveringSaIsPreferredAfterRekey() throws Exception {
        Fixtures.Pair old = Fixtures.pair(EspTransform.aesGcm16(128), SPI, Clock.systemUTC());
        Fixtures.Pair fresh = Fixtures.pair(EspTransform.aesGcm16(128), SPI + 1, Clock.systemUTC());
        SaDatabase db = new SaDatabase();
        db.install(old.out());
        db.install(fresh.out());
        byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1, 2, 10);

        EspResult.Processed r = (EspResult.Processed) new EspEncoder(db).encode(inner, 0, inner.length, new byte[200], 0);
        assertThat(r.sa()).isSameAs(fresh.out());

        assertThat(db.remove(fresh.out())).isTrue();
        r = (EspResult.Processed) new EspEncoder(db).encode(inner, 0, inner.length, new byte[200], 0);
        assertThat(r.sa()).isSameAs(old.out());
    }

    @Test
    void packetOutsideEverySelectorHasNoOutboundSa() throws Exception {
        SaDatabase db = new SaDatabase();
        db.install(Fixtures.pair(EspTransform.aesGcm16(128), SPI, Clock.systemUTC()).out());
        byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "192.0.2.1", 1, 2, 10);

        assertThat(reasonOf(new EspEncoder(db).encode(inner, 0, inner.length, new byte[200], 0)))
                .isEqualTo(DropReason.NO_OUTBOUND_SA);
        assertThat(db.drops(DropReason.NO_OUTBOUND_SA)).isEqualTo(1);
    }

    @Test
    void explicitSaRefusesPacketOutsideItsSelectors() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, Clock.systemUTC());
        byte[] inner = Fixtures.ipv4Udp("203.0.113.1", "198.51.100.1", 1, 2, 10); // reversed direction

        assertThat(reasonOf(new EspEncoder(new SaDatabase()).encode(pair.out(), inner, 0, inner.length, new byte[200], 0)))
                .isEqualTo(DropReason.SELECTOR_MISMATCH);
        assertThat(pair.out().highestSequence()).as("no sequence number spent").isZero();
    }

    @Test
    void portSelectorRestrictsTraffic() throws Exception {
        EspTransform t = EspTransform.aesGcm16(128);
        SecurityAssociation dnsOnly = SecurityAssociation.outbound(SPI).transform(t).keymat(Fixtures.keymat(t, 1))
                .selectors(TrafficSelector.of("198.51.100.0/24", 17, 0), TrafficSelector.of("203.0.113.53/32", 17, 53))
                .clock(Clock.systemUTC()).random(new SecureRandom()).build();
        EspEncoder encoder = new EspEncoder(new SaDatabase());
        byte[] dns = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.53", 40000, 53, 20);
        byte[] ntp = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.53", 40000, 123, 20);

        assertThat(encoder.encode(dnsOnly, dns, 0, dns.length, new byte[200], 0).isProcessed()).isTrue();
        assertThat(reasonOf(encoder.encode(dnsOnly, ntp, 0, ntp.length, new byte[200], 0))).isEqualTo(DropReason.SELECTOR_MISMATCH);
    }

    @Test
    void malformedInnerPacketAndSmallOutputAreTypedDrops() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA1_96), SPI, Clock.systemUTC());
        SaDatabase db = new SaDatabase();
        db.install(pair.out());
        EspEncoder encoder = new EspEncoder(db);
        byte[] inner = Fixtures.ipv4Udp("198.51.100.1", "203.0.113.1", 1, 2, 10);

        assertThat(reasonOf(encoder.encode(new byte[] {0x45, 0, 0}, 0, 3, new byte[200], 0))).isEqualTo(DropReason.MALFORMED_INNER);
        int needed = EspEncoder.encodedLength(pair.out().transform(), inner.length);
        assertThat(reasonOf(encoder.encode(inner, 0, inner.length, new byte[needed - 1], 0))).isEqualTo(DropReason.OUTPUT_TOO_SMALL);
        assertThat(encoder.encode(inner, 0, inner.length, new byte[needed], 0).isProcessed()).isTrue();
        assertThat(pair.out().highestSequence()).as("the refused packet spent no sequence number").isEqualTo(1);
    }

    @Test
    void inboundSaCannotEncrypt() throws Exception {
        Fixtures.Pair pair = Fixtures.pair(EspTransform.aesGcm16(128), SPI, Clock.systemUTC());
        byte[] inner = Fixtures.ipv4Udp("203.0.113.1", "198.51.100.1", 1, 2, 10);
        assertThatThrownBy(() -> new EspEncoder(new SaDatabase()).encode(pair.in(), inner, 0, inner.length, new byte[200], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.portcullis.revocation.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OcspResponseCacheTest {

    private static final BigInteger SERIAL = BigInteger.valueOf(0xabc);
    private static final byte[] SHA1_ID = {1, 2, 3};
    private static final byte[] SHA256_ID = {4, 5, 6};
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static OcspResponseCache.Entry entry(CertState state) {
        return new OcspResponseCache.Entry(new byte[] {9}, state, NOW, NOW.plusSeconds(3600), NOW, "\"e\"");
    }

    @Test
    void revocationDropsEveryCertIdOfTheSerial() {
        OcspResponseCache cache = new OcspResponseCache(10);
        cache.put(SERIAL, SHA1_ID, entry(CertState.GOOD), cache.epoch());
        cache.put(SERIAL, SHA256_ID, entry(CertState.GOOD), cache.epoch());
        cache.put(BigInteger.TEN, SHA1_ID, entry(CertState.GOOD), cache.epoch());

        cache.invalidate(SERIAL);

        assertThat(cache.get(SERIAL, SHA1_ID)).isNull();
        assertThat(cache.get(SERIAL, SHA256_ID)).isNull();
        assertThat(cache.get(BigInteger.TEN, SHA1_ID)).isNotNull();
    }

    @Test
    void aGoodReadBeforeARevocationCommittedIsNeverCached() {
        OcspResponseCache cache = new OcspResponseCache(10);
        long observed = cache.epoch();      // request thread: before reading the database (status VALID)
        cache.invalidate(SERIAL);           // revocation commits; its observer runs
        boolean kept = cache.put(SERIAL, SHA1_ID, entry(CertState.GOOD), observed);

        assertThat(kept).isFalse();
        assertThat(cache.get(SERIAL, SHA1_ID)).isNull();
    }

    @Test
    void aRecheckRacingARevocationDoesNotResurrectTheEntry() {
        OcspResponseCache cache = new OcspResponseCache(10);
        OcspResponseCache.Entry good = entry(CertState.GOOD);
        cache.put(SERIAL, SHA1_ID, good, cache.epoch());
        long observed = cache.epoch();
        cache.invalidate(SERIAL);
        cache.replace(SERIAL, SHA1_ID, good, good.checkedAgain(NOW.plusSeconds(10)), observed);
        assertThat(cache.get(SERIAL, SHA1_ID)).isNull();
    }

    @Test
    void recheckRefreshesTheCheckTimeButKeepsTheSignedBytes() {
        OcspResponseCache cache = new OcspResponseCache(10);
        OcspResponseCache.Entry good = entry(CertState.GOOD);
        cache.put(SERIAL, SHA1_ID, good, cache.epoch());
        cache.replace(SERIAL, SHA1_ID, good, good.checkedAgain(NOW.plusSeconds(10)), cache.epoch());
        assertThat(cache.get(SERIAL, SHA1_ID).checkedAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(cache.get(SERIAL, SHA1_ID).der()).isSameAs(good.der());
    }

    @Test
    void sizeIsBounded() {
        OcspResponseCache cache = new OcspResponseCache(100);
        for (int i = 0; i < 10_000; i++) {
            cache.put(BigInteger.valueOf(i), SHA1_ID, entry(CertState.GOOD), cache.epoch());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void clearDropsEverything() {
        OcspResponseCache cache = new OcspResponseCache(10);
        long observed = cache.epoch();
        cache.put(SERIAL, SHA1_ID, entry(CertState.GOOD), observed);
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(cache.put(SERIAL, SHA1_ID, entry(CertState.GOOD), observed)).isFalse();
    }
}

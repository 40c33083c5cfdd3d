package io.portcullis.ike.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void entryIsServedUntilItsOwnExpiryAndNeverAfter() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(4);
        cache.put("a", "answer", NOW.plusSeconds(60));
        assertThat(cache.get("a", NOW.plusSeconds(59))).contains("answer");
        assertThat(cache.get("a", NOW.plusSeconds(60))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void leastRecentlyUsedEntryGoesWhenFullSoDistinctKeysCannotGrowIt() {
        ExpiringCache<Integer, String> cache = new ExpiringCache<>(3);
        for (int i = 0; i < 3; i++) {
            cache.put(i, "v" + i, NOW.plusSeconds(600));
        }
        cache.get(0, NOW); // 0 becomes the most recently used
        for (int i = 3; i < 1000; i++) {
            cache.put(i, "v" + i, NOW.plusSeconds(600));
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get(999, NOW)).contains("v999");
        assertThat(cache.get(1, NOW)).isEmpty();
    }

    @Test
    void removeIfDropsMatchingKeys() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(8);
        cache.put("ab|x", "1", NOW.plusSeconds(60));
        cache.put("cd|x", "2", NOW.plusSeconds(60));
        cache.removeIf(k -> k.startsWith("ab|"));
        assertThat(cache.get("ab|x", NOW)).isEmpty();
        assertThat(cache.get("cd|x", NOW)).contains("2");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ExpiringCache<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

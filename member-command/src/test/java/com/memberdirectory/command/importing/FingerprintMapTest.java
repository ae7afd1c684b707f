package com.memberdirectory.command.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintMapTest {

    @Test
    void theFirstValueOfAStringStaysAndIsAnsweredToLaterOnes() {
        FingerprintMap map = new FingerprintMap();
        assertThat(map.putIfAbsent("ada@example.com", 2)).isEqualTo(FingerprintMap.ABSENT);
        assertThat(map.putIfAbsent("ada@example.com", 7)).isEqualTo(2);
        assertThat(map.get("ada@example.com")).isEqualTo(2);
        assertThat(map.get("Ada@example.com")).isEqualTo(FingerprintMap.ABSENT);
        assertThat(map.get("")).isEqualTo(FingerprintMap.ABSENT);
        assertThat(map.putIfAbsent("", 0)).isEqualTo(FingerprintMap.ABSENT);
        assertThat(map.get("")).isZero();
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void aMillionStringsEachKeepTheirOwnValueThroughEveryGrowth() {
        FingerprintMap map = new FingerprintMap();
        int count = 1_000_000;
        for (int i = 0; i < count; i++) {
            assertThat(map.putIfAbsent("member" + i + "@example.com", i)).isEqualTo(FingerprintMap.ABSENT);
        }
        assertThat(map.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            if (map.get("member" + i + "@example.com") != i) {
                throw new AssertionError("member" + i + " answered " + map.get("member" + i + "@example.com"));
            }
        }
        assertThat(map.get("member" + count + "@example.com")).isEqualTo(FingerprintMap.ABSENT);
        assertThat(map.putIfAbsent("member999999@example.com", 5)).isEqualTo(999_999);
    }

    @Test
    void stringsThatDifferOnlyBeyondAsciiAreDifferent() {
        FingerprintMap map = new FingerprintMap();
        map.putIfAbsent("zoë", 1);
        map.putIfAbsent("zoe", 2);
        map.putIfAbsent("zoé", 3);
        assertThat(map.get("zoë")).isEqualTo(1);
        assertThat(map.get("zoe")).isEqualTo(2);
        assertThat(map.get("zoé")).isEqualTo(3);
    }

    @Test
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> new FingerprintMap().putIfAbsent("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

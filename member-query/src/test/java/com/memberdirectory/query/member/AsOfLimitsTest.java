package com.memberdirectory.query.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsOfLimitsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AsOfLimits.Replay replay = new AsOfLimits(100, Duration.ofSeconds(60)).start(nanos::get);

    @Test
    void a_replay_within_both_limits_goes_on() {
        nanos.set(Duration.ofSeconds(60).toNanos());
        assertThatCode(() -> replay.check(100)).doesNotThrowAnyException();
    }

    @Test
    void a_replay_holding_more_members_than_allowed_is_too_large() {
        assertThatThrownBy(() -> replay.check(101))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("asOf"));
                })
                .hasMessageContaining("more than 100 members");
    }

    @Test
    void a_replay_running_longer_than_allowed_is_too_large() {
        nanos.set(Duration.ofSeconds(61).toNanos());
        assertThatThrownBy(() -> replay.check(1)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("longer than 60 s");
    }
}

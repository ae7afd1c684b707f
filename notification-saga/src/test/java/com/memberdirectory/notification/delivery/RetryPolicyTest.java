package com.memberdirectory.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 8);

    @Test
    void the_wait_starts_at_the_initial_delay_and_doubles() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(640));
    }

    @Test
    void it_gives_up_after_the_last_allowed_attempt() {
        assertThat(policy.exhaustedAfter(7)).isFalse();
        assertThat(policy.exhaustedAfter(8)).isTrue();
    }

    @Test
    void nonsense_is_refused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

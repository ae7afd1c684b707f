package com.memberdirectory.app.http.body;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitsTest {

    private static final long SECOND = 1_000_000_000L;
    private final RequestBodyLimits limits = new RequestBodyLimits(51_000_000, 10_000_000, 1000, Duration.ofSeconds(10));

    @Test
    void an_import_upload_may_be_larger_than_other_bodies() {
        assertThat(limits.maxBodyOf("POST", "/api/imports")).isEqualTo(51_000_000);
        assertThat(limits.maxBodyOf("POST", "/api/members")).isEqualTo(10_000_000);
        assertThat(limits.maxBodyOf("PUT", "/api/imports")).isEqualTo(10_000_000);
    }

    @Test
    void within_the_grace_period_any_pace_is_accepted() {
        assertThat(limits.tooSlow(0, 10 * SECOND)).isFalse();
    }

    @Test
    void after_the_grace_period_the_average_rate_must_reach_the_minimum() {
        assertThat(limits.tooSlow(11_000, 11 * SECOND)).isFalse();
        assertThat(limits.tooSlow(10_999, 11 * SECOND)).isTrue();
        assertThat(limits.tooSlow(20, 20 * SECOND)).isTrue();
    }
}

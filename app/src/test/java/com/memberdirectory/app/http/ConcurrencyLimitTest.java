package com.memberdirectory.app.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitTest {

    private final ConcurrencyLimit limit = new ConcurrencyLimit("too_many_reads", "reads", 2, 10);

    @Test
    void requests_beyond_the_permits_are_refused_until_one_ends() {
        ConcurrencyLimit.Permit first = limit.enter();
        limit.enter();
        assertThatThrownBy(limit::enter).isInstanceOfSatisfying(ConcurrencyLimit.TooBusy.class, busy -> {
            assertThat(busy.code()).isEqualTo("too_many_reads");
            assertThat(busy.retryAfterSeconds()).isEqualTo(10);
            assertThat(busy.getMessage()).contains("at most 2 at once");
        });
        first.close();
        assertThatCode(limit::enter).doesNotThrowAnyException();
    }

    @Test
    void closing_a_permit_twice_frees_one_place() {
        ConcurrencyLimit.Permit first = limit.enter();
        limit.enter();
        first.close();
        first.close();
        limit.enter();
        assertThatThrownBy(limit::enter).isInstanceOf(ConcurrencyLimit.TooBusy.class);
    }
}

package com.memberdirectory.notification.delivery;

import java.time.Duration;

/**
 * How often and how patiently delivery is tried: the first retry after {@code initialDelay}, each later one after
 * twice the previous wait, at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(Duration initialDelay, int maxAttempts) {

    public RetryPolicy {
        if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("The first retry delay must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration delayAfter(int attempt) {
        return initialDelay.multipliedBy(1L << Math.min(attempt - 1, 30));
    }

    public boolean exhaustedAfter(int attempt) {
        return attempt >= maxAttempts;
    }
}

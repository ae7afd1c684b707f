package com.memberdirectory.kernel;

import java.util.function.Function;

/**
 * One field of a partial update: either absent (leave the field as it is) or present with a new value,
 * where a present {@code null} clears the field. This is the tri-state of a JSON merge patch and of a
 * spreadsheet import (missing column / empty cell / value).
 */
public record Patch<T>(boolean present, T value) {

    private static final Patch<?> ABSENT = new Patch<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    public T orElse(T current) {
        return present ? value : current;
    }

    public <R> Patch<R> map(Function<T, R> mapper) {
        return present ? Patch.of(value == null ? null : mapper.apply(value)) : absent();
    }
}

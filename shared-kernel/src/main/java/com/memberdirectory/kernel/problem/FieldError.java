package com.memberdirectory.kernel.problem;

/** One offending field of a refused request. */
public record FieldError(String field, String message) {
}

package com.memberdirectory.kernel.field;

/** One field, once the field list reflects at least {@code minVersion} of the catalog. */
public record FindField(String key, long minVersion) {
}

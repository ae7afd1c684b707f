package com.memberdirectory.kernel.member;

/** One field's value before and after a change. */
public record FieldChange(String field, Object before, Object after) {
}

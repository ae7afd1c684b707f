package com.memberdirectory.kernel.field;

/** One choice of an option field; members store the id, so a rename shows everywhere without rewriting them. */
public record FieldOption(String id, String label) {
}

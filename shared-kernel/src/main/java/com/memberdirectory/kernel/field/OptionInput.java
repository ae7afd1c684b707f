package com.memberdirectory.kernel.field;

/** One entry of an options update: {@code id} null for a new option. */
public record OptionInput(String id, String label) {
}

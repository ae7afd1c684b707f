package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.field.FieldType;

/** A custom field's column: headed by its label, holding values for its key. */
public record CustomColumn(String label, String key, FieldType type) {
}

package com.memberdirectory.kernel.field;

import org.axonframework.serialization.Revision;

/** A field's label changed (its key never does). */
@Revision("1")
public record FieldRenamed(String key, String before, String after) implements FieldEvent {
}

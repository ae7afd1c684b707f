package com.memberdirectory.kernel.field;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An administrator added a custom field. */
@Revision("1")
public record FieldDefined(String key, String label, FieldType type, List<FieldOption> options) implements FieldEvent {
}

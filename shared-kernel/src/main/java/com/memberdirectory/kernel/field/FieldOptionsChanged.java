package com.memberdirectory.kernel.field;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The options of an option field were added, renamed, reordered or removed; {@code after} is the new list in order. */
@Revision("1")
public record FieldOptionsChanged(String key, List<FieldOption> before, List<FieldOption> after) implements FieldEvent {
}

package com.memberdirectory.kernel.field;

import org.axonframework.serialization.Revision;

/** The field catalog was set up with the built-in fields; preset options follow as {@link FieldOptionsChanged}. */
@Revision("1")
public record FieldCatalogInitialized(String catalogId) implements FieldEvent {
}

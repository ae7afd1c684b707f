package com.memberdirectory.kernel.field;

/** The catalog's version after a command. */
public record FieldCatalogWritten(long version) {
}

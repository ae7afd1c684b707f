package com.memberdirectory.kernel.field;

/**
 * Every fact recorded about the field catalog; the {@code FieldCatalog} aggregate folds each of them. Sealed, so
 * that the family is closed: a new event must be named here, and the test of its consumer then fails until it
 * handles the event.
 */
public sealed interface FieldEvent permits FieldCatalogInitialized, FieldDefined, FieldOptionsChanged, FieldRenamed {
}

package com.memberdirectory.kernel.importing;

/** One import, whoever ran it (null when unknown): for the checks of an undo, which the primary admin may ask for. */
public record FindAnyImport(String importId) {
}

package com.memberdirectory.kernel.importing;

/**
 * One import of this admin (null when it is another admin's or unknown); with {@code awaitQueued}, waits
 * until a just-queued import is in the history.
 */
public record FindImport(String importId, String admin, boolean awaitQueued) {
}

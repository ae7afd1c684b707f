package com.memberdirectory.kernel.importing;

/**
 * Every fact recorded about an import or its undo; the {@code ImportJob} aggregate folds each of them. Sealed, so
 * that the family is closed: a new event must be named here, and the test of its consumer then fails until it
 * handles the event.
 */
public sealed interface ImportEvent permits
        ImportQueued, ImportUndoQueued, ImportRunStarted, ImportProgressed, ImportFinished, PasswordFileDestroyed {
}

package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Undo a finished import (docs/undo.md): a job of its own, run in the background like an import.
 *
 * @param undoId          the new job's id
 * @param admin           who asks for the undo
 * @param primary         whether they are the primary admin (who may undo any admin's import)
 * @param departmentScope the departments the undo may write members of, sub-departments included; empty: the whole
 *                        organization
 * @param original        the import to undo, as its history shows it (a finished import never changes again)
 */
public record QueueUndo(@TargetAggregateIdentifier String undoId, String admin, boolean primary, boolean dryRun,
                        List<String> departmentScope, ImportView original) {
}

package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An admin asked to undo a finished import (docs/undo.md); the undo runs in the background like an import and is
 * listed in the admin's import history, with {@code importId} as what it undoes.
 *
 * @param departmentScope the departments the undo may write members of, sub-departments included; empty: the whole
 *                        organization
 */
@Revision("1")
public record ImportUndoQueued(String undoId, String importId, String admin, String fileName, boolean dryRun,
                               List<String> departmentScope) implements ImportEvent {

    public ImportUndoQueued {
        departmentScope = departmentScope == null ? List.of() : List.copyOf(departmentScope);
    }
}

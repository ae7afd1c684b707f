package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An admin uploaded a workbook to import (or, with {@code dryRun}, to check).
 *
 * @param departmentScope the departments the admin may write members of when the import was queued,
 *                        sub-departments included; empty or absent (revision 1): the whole organization
 */
@Revision("2")
public record ImportQueued(String importId, String admin, String fileName, String fileId, boolean dryRun,
                           List<String> departmentScope) implements ImportEvent {

    public ImportQueued {
        departmentScope = departmentScope == null ? List.of() : List.copyOf(departmentScope);
    }
}

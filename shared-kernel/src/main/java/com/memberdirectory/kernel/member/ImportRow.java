package com.memberdirectory.kernel.member;

import java.util.Set;

/**
 * The spreadsheet row a member command comes from. The command records the row as applied in the same
 * transaction as its events, so an import resumed after a crash never applies a row twice.
 *
 * @param departmentScope the departments the importing admin may write members of, sub-departments included;
 *                        empty: the whole organization
 */
public record ImportRow(String importId, int rowNumber, Set<String> departmentScope) {

    public ImportRow {
        departmentScope = departmentScope == null ? Set.of() : Set.copyOf(departmentScope);
    }

    /** A row of an import by an admin of the whole organization. */
    public ImportRow(String importId, int rowNumber) {
        this(importId, rowNumber, Set.of());
    }
}

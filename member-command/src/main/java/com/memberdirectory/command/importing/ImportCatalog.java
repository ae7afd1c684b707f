package com.memberdirectory.command.importing;

import java.util.List;
import java.util.Optional;

/** What an import needs to know of the directory beyond the lookup table. */
public interface ImportCatalog {

    /** The custom fields an import can find columns for. */
    List<CustomColumn> customColumns();

    /** A member's user ID, as the workbook names managers; empty when the member is not (yet) in the list. */
    Optional<String> userIdOf(String memberId);
}

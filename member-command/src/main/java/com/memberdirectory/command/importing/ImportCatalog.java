package com.memberdirectory.command.importing;

import java.util.List;

/** The custom fields an import can find columns for. */
public interface ImportCatalog {

    List<CustomColumn> customColumns();
}

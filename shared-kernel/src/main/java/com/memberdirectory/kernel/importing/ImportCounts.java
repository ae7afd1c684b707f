package com.memberdirectory.kernel.importing;

/** How far an import got and what its rows did. */
public record ImportCounts(long totalRows, long processedRows, long changedRows, long unchangedRows, long failedRows) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);
}

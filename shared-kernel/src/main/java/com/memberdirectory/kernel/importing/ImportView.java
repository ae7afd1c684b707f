package com.memberdirectory.kernel.importing;

import java.time.Instant;

/**
 * One import as its admin sees it in the import history.
 *
 * @param undoOf   for the undo of an import (docs/undo.md): the import it undoes; null for an import
 * @param previewId a dry run's preview; for an undo, its report (every row: undone, or the conflict and why)
 */
public record ImportView(String id, String admin, String fileName, ImportStatus status, boolean dryRun, long totalRows,
                         long processedRows, long changedRows, long unchangedRows, long failedRows, Instant startedAt,
                         Instant finishedAt, String message, String errorReportId, String previewId,
                         boolean passwordFileAvailable, int runs, String undoOf) {

    public boolean isUndo() {
        return undoOf != null;
    }
}

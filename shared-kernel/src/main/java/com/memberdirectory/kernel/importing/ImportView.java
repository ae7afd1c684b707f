package com.memberdirectory.kernel.importing;

import java.time.Instant;

/** One import as its admin sees it in the import history. */
public record ImportView(String id, String admin, String fileName, ImportStatus status, boolean dryRun, long totalRows,
                         long processedRows, long changedRows, long unchangedRows, long failedRows, Instant startedAt,
                         Instant finishedAt, String message, String errorReportId, String previewId,
                         boolean passwordFileAvailable, int runs) {
}

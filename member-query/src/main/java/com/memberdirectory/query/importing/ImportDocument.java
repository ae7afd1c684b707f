package com.memberdirectory.query.importing;

import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One import in the import history (collection {@code imports}), owned by {@link ImportHistoryProjection}. */
@Document("imports")
class ImportDocument {

    @Id
    String id;
    long version;
    String admin;
    String fileName;
    ImportStatus status;
    boolean dryRun;
    long totalRows;
    long processedRows;
    long changedRows;
    long unchangedRows;
    long failedRows;
    Instant startedAt;
    Instant finishedAt;
    String message;
    String errorReportId;
    String previewId;
    boolean passwordFileAvailable;
    /** How many times the run started: more than once when a restart resumed it. */
    int runs;
    /** For the undo of an import (docs/undo.md): the import it undoes; null for an import. */
    String undoOf;

    ImportView toView() {
        return new ImportView(id, admin, fileName, status, dryRun, totalRows, processedRows, changedRows, unchangedRows,
                failedRows, startedAt, finishedAt, message, errorReportId, previewId, passwordFileAvailable, runs, undoOf);
    }
}

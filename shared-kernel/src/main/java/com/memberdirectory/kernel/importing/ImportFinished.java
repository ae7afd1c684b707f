package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

/** The import is over: its counts, and the files that go with it (error report, dry-run preview, password file). */
@Revision("1")
public record ImportFinished(String importId, ImportStatus status, ImportCounts counts, String errorReportId,
                             String previewId, boolean passwordFile, String message) implements ImportEvent {
}

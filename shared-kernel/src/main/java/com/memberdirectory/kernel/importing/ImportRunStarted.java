package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

/** The import began reading rows (again, after a restart). */
@Revision("1")
public record ImportRunStarted(String importId, long totalRows) implements ImportEvent {
}

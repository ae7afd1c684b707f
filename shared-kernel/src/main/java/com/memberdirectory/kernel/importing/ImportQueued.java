package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

/** An admin uploaded a workbook to import (or, with {@code dryRun}, to check). */
@Revision("1")
public record ImportQueued(String importId, String admin, String fileName, String fileId, boolean dryRun) {
}

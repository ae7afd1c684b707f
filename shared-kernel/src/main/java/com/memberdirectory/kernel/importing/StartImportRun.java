package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The runner begins (or, after a restart, resumes) the import; answers false when it is already finished. */
public record StartImportRun(@TargetAggregateIdentifier String importId, long totalRows) {
}

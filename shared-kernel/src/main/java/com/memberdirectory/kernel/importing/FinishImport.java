package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FinishImport(@TargetAggregateIdentifier String importId, ImportStatus status, ImportCounts counts,
                           String errorReportId, String previewId, boolean passwordFile, String message) {
}

package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an uploaded workbook for import; it runs in the background. */
public record QueueImport(@TargetAggregateIdentifier String importId, String admin, String fileName, String fileId,
                          boolean dryRun) {
}

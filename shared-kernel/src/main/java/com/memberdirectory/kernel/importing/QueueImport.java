package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record an uploaded workbook for import; it runs in the background.
 *
 * @param departmentScope the departments the admin may write members of, sub-departments included; empty: the
 *                        whole organization
 */
public record QueueImport(@TargetAggregateIdentifier String importId, String admin, String fileName, String fileId,
                          boolean dryRun, List<String> departmentScope) {
}

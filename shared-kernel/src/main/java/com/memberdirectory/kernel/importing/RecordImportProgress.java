package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordImportProgress(@TargetAggregateIdentifier String importId, long processedRows) {
}

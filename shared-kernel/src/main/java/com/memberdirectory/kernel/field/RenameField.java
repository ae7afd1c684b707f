package com.memberdirectory.kernel.field;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameField(@TargetAggregateIdentifier String catalogId, String key, String label) {
}

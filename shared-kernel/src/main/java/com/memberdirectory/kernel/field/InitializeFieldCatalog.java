package com.memberdirectory.kernel.field;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent at every start: sets up the built-in fields and their preset options once. */
public record InitializeFieldCatalog(@TargetAggregateIdentifier String catalogId) {
}

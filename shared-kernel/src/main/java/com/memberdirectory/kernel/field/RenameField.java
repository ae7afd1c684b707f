package com.memberdirectory.kernel.field;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameField(@TargetAggregateIdentifier String catalogId, String key, String label, Actor actor) {
}

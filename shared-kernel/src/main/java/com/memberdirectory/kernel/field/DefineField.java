package com.memberdirectory.kernel.field;

import com.memberdirectory.kernel.access.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a custom field; option fields may start with options (labels). */
public record DefineField(@TargetAggregateIdentifier String catalogId, String key, String label, FieldType type,
                          List<String> options, Actor actor) {
}

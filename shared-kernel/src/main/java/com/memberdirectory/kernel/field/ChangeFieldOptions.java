package com.memberdirectory.kernel.field;

import com.memberdirectory.kernel.access.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a field's options by this list: new entries are added, existing ones renamed and reordered, missing ones removed. */
public record ChangeFieldOptions(@TargetAggregateIdentifier String catalogId, String key, List<OptionInput> options,
                                 Actor actor) {
}

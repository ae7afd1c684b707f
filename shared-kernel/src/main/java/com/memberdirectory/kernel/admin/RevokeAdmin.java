package com.memberdirectory.kernel.admin;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeAdmin(@TargetAggregateIdentifier String subject, Actor actor) {
}

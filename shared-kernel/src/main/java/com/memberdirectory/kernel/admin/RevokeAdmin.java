package com.memberdirectory.kernel.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeAdmin(@TargetAggregateIdentifier String subject) {
}

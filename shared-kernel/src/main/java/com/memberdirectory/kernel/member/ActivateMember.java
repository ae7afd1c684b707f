package com.memberdirectory.kernel.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member signed in for the first time. */
public record ActivateMember(@TargetAggregateIdentifier MemberId memberId) {
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member signed in for the first time (an administrator stands in for the sign-in: {@code actor}). */
public record ActivateMember(@TargetAggregateIdentifier MemberId memberId, Actor actor) {
}

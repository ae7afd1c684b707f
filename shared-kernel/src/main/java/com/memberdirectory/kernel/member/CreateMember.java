package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a member with the given fields; absent fields take their defaults, {@code userId} is generated when absent.
 *
 * @param actor who adds the member; the member's departments must be within the actor's reach
 */
public record CreateMember(@TargetAggregateIdentifier MemberId memberId, MemberChanges fields, Actor actor) {
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lift a member's suspension: they are INACTIVE or ACTIVE again, as before. Resuming a member who is not suspended
 * changes nothing.
 *
 * @param expectedVersion from {@code If-Match}; null: the latest
 */
public record ResumeMember(@TargetAggregateIdentifier MemberId memberId, Long expectedVersion, Actor actor) {
}

package com.memberdirectory.kernel.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some fields of a member at once: one atomic change, one event per changed concern.
 * {@code expectedVersion} (from {@code If-Match}; null: the latest) refuses the change when the member has moved on.
 */
public record UpdateMember(@TargetAggregateIdentifier MemberId memberId, Long expectedVersion, MemberChanges changes) {
}

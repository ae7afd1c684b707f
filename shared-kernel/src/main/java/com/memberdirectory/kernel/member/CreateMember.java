package com.memberdirectory.kernel.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a member with the given fields; absent fields take their defaults, {@code userId} is generated when absent. */
public record CreateMember(@TargetAggregateIdentifier MemberId memberId, MemberChanges fields) {
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Suspend a member: they cannot sign in until resumed. Suspending a suspended member changes nothing.
 *
 * @param expectedVersion from {@code If-Match}; null: the latest
 */
public record SuspendMember(@TargetAggregateIdentifier MemberId memberId, Long expectedVersion, Actor actor) {
}

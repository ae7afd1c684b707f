package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member leaves the directory (docs/lifecycle.md): their unique values are released, their login disabled, and
 * the members who report to them lose that manager, all in one transaction. Offboarding an offboarded member changes
 * nothing.
 *
 * @param expectedVersion from {@code If-Match}; null: the latest
 */
public record OffboardMember(@TargetAggregateIdentifier MemberId memberId, Long expectedVersion, Actor actor) {
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some fields of a member at once, from the console or a provisioning client: one atomic change, one event
 * per changed concern. A spreadsheet row is {@link ImportMemberRow}; its dry run {@link PreviewMemberRow}.
 *
 * @param expectedVersion from {@code If-Match}; null: the latest
 * @param actor           who changes the member: the member, before and after, must be within the actor's reach
 */
public record UpdateMember(@TargetAggregateIdentifier MemberId memberId,
                           Long expectedVersion,
                           MemberChanges changes,
                           Actor actor) {
}

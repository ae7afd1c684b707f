package com.memberdirectory.kernel.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the offboarding of {@code offboardedManagerId}, in its transaction, to each member who reports to them:
 * the member no longer has them as direct or dotted-line manager. Not an administrator's decision about this member,
 * so it carries no actor and is not checked against anyone's reach; its events carry the offboarding's actor, source
 * and correlation id.
 */
public record DropOffboardedManager(@TargetAggregateIdentifier MemberId memberId, MemberId offboardedManagerId) {
}

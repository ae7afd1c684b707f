package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/**
 * The suspension of the member was lifted.
 *
 * @param after the status they have again: the one they had when they were suspended (INACTIVE or ACTIVE)
 */
@Revision("1")
public record MemberResumed(MemberId memberId, MemberStatus after) implements MemberEvent {
}

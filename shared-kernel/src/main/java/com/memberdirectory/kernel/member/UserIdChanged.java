package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's user ID changed. */
@Revision("1")
public record UserIdChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

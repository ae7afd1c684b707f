package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's first name changed. */
@Revision("1")
public record FirstNameChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's gender changed. */
@Revision("1")
public record GenderChanged(MemberId memberId, Gender before, Gender after) implements MemberEvent {
}

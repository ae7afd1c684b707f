package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's surname changed. */
@Revision("1")
public record SurnameChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

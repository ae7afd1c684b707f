package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's job title changed (option ids of the jobTitle field; labels are looked up when shown). */
@Revision("1")
public record JobTitleChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

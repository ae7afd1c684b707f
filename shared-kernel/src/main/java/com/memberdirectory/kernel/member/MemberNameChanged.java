package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's display name changed. */
@Revision("1")
public record MemberNameChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

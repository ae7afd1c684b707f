package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's work email changed; {@code null} means removed. */
@Revision("1")
public record ContactEmailChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

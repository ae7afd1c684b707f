package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's direct manager changed; {@code null} means none. */
@Revision("1")
public record ManagerChanged(MemberId memberId, MemberId before, MemberId after) implements MemberEvent {
}

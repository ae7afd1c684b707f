package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's business email (the organization's own mailbox) changed. */
@Revision("1")
public record BusinessEmailChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

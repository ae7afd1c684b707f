package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's workforce type changed (option ids of the workforceType field). */
@Revision("1")
public record WorkforceTypeChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

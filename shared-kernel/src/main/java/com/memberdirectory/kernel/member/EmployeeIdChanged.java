package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's employee ID changed. */
@Revision("1")
public record EmployeeIdChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The address the member signs in with changed (it follows the work email while the member is inactive). */
@Revision("1")
public record LoginEmailChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

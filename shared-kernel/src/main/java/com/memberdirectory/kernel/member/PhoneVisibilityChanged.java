package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** Whether the member's phone is hidden from viewers who are not administrators changed. */
@Revision("1")
public record PhoneVisibilityChanged(MemberId memberId, boolean before, boolean after) implements MemberEvent {
}

package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's city changed. */
@Revision("1")
public record CityChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

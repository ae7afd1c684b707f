package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The licence seat held by the member changed. */
@Revision("1")
public record SeatChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

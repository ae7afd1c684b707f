package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's phone number (E.164) changed; {@code null} means removed. */
@Revision("1")
public record PhoneNumberChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

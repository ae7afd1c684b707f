package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member signed in for the first time; from now on the login no longer follows the work email. */
@Revision("1")
public record MemberActivated(MemberId memberId) implements MemberEvent {
}

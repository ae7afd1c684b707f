package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** An administrator chose how an inactive member signs in. */
@Revision("1")
public record LoginMethodChosen(MemberId memberId, LoginEmailType before, LoginEmailType after) implements MemberEvent {
}

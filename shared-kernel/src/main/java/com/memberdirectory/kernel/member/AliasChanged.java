package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's alias changed. */
@Revision("1")
public record AliasChanged(MemberId memberId, String before, String after) implements MemberEvent {
}

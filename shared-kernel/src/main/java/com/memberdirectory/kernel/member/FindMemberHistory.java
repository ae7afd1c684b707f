package com.memberdirectory.kernel.member;

/** Every change of one member, oldest first. */
public record FindMemberHistory(MemberId memberId) {
}

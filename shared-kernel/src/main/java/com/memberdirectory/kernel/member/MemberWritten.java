package com.memberdirectory.kernel.member;

/** What a member command answers: the member's version after the change (unchanged when nothing changed). */
public record MemberWritten(MemberId memberId, long version) {
}

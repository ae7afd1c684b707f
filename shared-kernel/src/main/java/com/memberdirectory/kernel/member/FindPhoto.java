package com.memberdirectory.kernel.member;

/** The current profile photo of a member, or null. */
public record FindPhoto(MemberId memberId) {
}

package com.memberdirectory.kernel.member;

/** Ask for one member, once the member list reflects at least {@code minVersion} (0: whatever it shows now). */
public record FindMember(MemberId memberId, long minVersion) {
}

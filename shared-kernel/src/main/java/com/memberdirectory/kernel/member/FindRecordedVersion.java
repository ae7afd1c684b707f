package com.memberdirectory.kernel.member;

/**
 * Ask for the version the write side has recorded for a member — the number of its events, 0 if it has none — without
 * waiting for the member list. A write that records several events (a creation with a job title, an externalId or
 * custom values records them after {@code MemberCreated}) is then read back at the version it reached.
 */
public record FindRecordedVersion(MemberId memberId) {
}

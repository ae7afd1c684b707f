package com.memberdirectory.kernel.member;

/** The members (not offboarded) whose direct or dotted-line manager is {@code managerId}, as the member list shows. */
public record FindReports(MemberId managerId) {
}

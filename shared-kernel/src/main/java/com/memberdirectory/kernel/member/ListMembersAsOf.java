package com.memberdirectory.kernel.member;

import java.time.Instant;

/** A page of the whole directory as it was at an instant, rebuilt from the events. */
public record ListMembersAsOf(Instant asOf, String departmentId, int page, int size) {
}

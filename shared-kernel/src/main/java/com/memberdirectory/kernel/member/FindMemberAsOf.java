package com.memberdirectory.kernel.member;

import java.time.Instant;

/** The member as it was at an instant, rebuilt from its events (null if it did not exist yet). */
public record FindMemberAsOf(MemberId memberId, Instant asOf) {
}

package com.memberdirectory.kernel.audit;

import java.time.Instant;
import java.util.Set;

/**
 * A page of the directory-wide change list. Every filter is optional; {@code memberIds} limits the list to
 * those members (an admin's department scope), null meaning everyone.
 */
public record AuditQuery(Instant from, Instant to, String actor, String field, String memberId, String source,
                         Set<String> memberIds, boolean newestFirst, int page, int size) {
}

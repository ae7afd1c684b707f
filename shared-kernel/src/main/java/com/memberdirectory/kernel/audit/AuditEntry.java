package com.memberdirectory.kernel.audit;

import com.memberdirectory.kernel.member.FieldChange;

import java.time.Instant;
import java.util.List;

/** One recorded change of a member, as auditors see it. */
public record AuditEntry(String eventId, String memberId, String type, Instant occurredAt, String actor, String source,
                         String correlationId, List<FieldChange> changes) {
}

package com.memberdirectory.kernel.member;

import java.time.Instant;
import java.util.List;

/** One recorded change of a member. */
public record HistoryEntry(String eventId, String type, Instant occurredAt, String actor, String source,
                           String correlationId, List<FieldChange> changes) {
}

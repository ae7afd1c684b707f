package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.query.history.HistoryChanges;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the change list as it is kept: one member event with who, when, through what and the before/after of
 * every field as stored (option ids, plain values). Both places that keep the change list — its collection
 * ({@link AuditProjection}) and its index ({@link ChangeListIndex}) — make it here, so they keep the same thing.
 *
 * @param occurredAt the event's stamp to the millisecond, as a MongoDB date keeps it (so both answer alike)
 * @param sequence   the member's event sequence: orders changes recorded in the same millisecond
 */
record ChangeRecord(String id, String memberId, String type, Instant occurredAt, long sequence, String actor,
                    String source, String correlationId, List<FieldChange> changes) {

    static ChangeRecord of(MemberEvent event, EventMessage<?> message, long sequence) {
        List<FieldChange> changes = HistoryChanges.raw(event).stream()
                .map(c -> new FieldChange(c.field(), plain(c.before()), plain(c.after()))).toList();
        return new ChangeRecord(message.getIdentifier(), event.memberId().value(), event.getClass().getSimpleName(),
                Instant.ofEpochMilli(message.getTimestamp().toEpochMilli()), sequence,
                text(message.getMetaData().get(MetadataKeys.ACTOR)), text(message.getMetaData().get(MetadataKeys.SOURCE)),
                text(message.getMetaData().get(MetadataKeys.CORRELATION_ID)), changes);
    }

    /** The change as the change list's collection stores it (an {@link AuditDocument} as a stored document). */
    static ChangeRecord of(org.bson.Document stored) {
        List<FieldChange> changes = stored.getList("changes", org.bson.Document.class, List.of()).stream()
                .map(c -> new FieldChange(c.getString("field"), c.get("before"), c.get("after"))).toList();
        Number sequence = stored.get("sequence", Number.class);
        return new ChangeRecord(stored.getString("_id"), stored.getString("memberId"), stored.getString("type"),
                stored.getDate("occurredAt").toInstant(), sequence == null ? 0 : sequence.longValue(),
                stored.getString("actor"), stored.getString("source"), stored.getString("correlationId"), changes);
    }

    /** The fields changed, each once, in the order of the changes. */
    List<String> fields() {
        return changes.stream().map(FieldChange::field).distinct().toList();
    }

    /** A value as the change list keeps it: enums by name, lists element by element, anything else not plain as text. */
    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ChangeRecord::plain).toList();
        }
        return value instanceof Boolean || value instanceof Number || value == null ? value : value.toString();
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}

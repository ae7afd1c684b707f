package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.query.history.HistoryChanges;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * The directory-wide change list: one document per member event with who, when, through what and the
 * before/after of every field (option ids, shown as current labels when read). Keyed by event id, so
 * re-delivery rewrites the same document.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
class AuditProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.MEMBERS;

    private final MongoTemplate mongo;

    AuditProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MemberEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        List<FieldChange> changes = HistoryChanges.raw(event);
        AuditDocument d = new AuditDocument();
        d.id = message.getIdentifier();
        d.memberId = event.memberId().value();
        d.type = event.getClass().getSimpleName();
        d.occurredAt = message.getTimestamp();
        d.sequence = sequence;
        d.actor = text(message.getMetaData().get(MetadataKeys.ACTOR));
        d.source = text(message.getMetaData().get(MetadataKeys.SOURCE));
        d.correlationId = text(message.getMetaData().get(MetadataKeys.CORRELATION_ID));
        d.fields = changes.stream().map(FieldChange::field).distinct().toList();
        d.changes = changes.stream().map(c -> new org.bson.Document("field", c.field())
                .append("before", plain(c.before())).append("after", plain(c.after()))).toList();
        DocumentBatch.current(mongo, AuditDocument.class, a -> a.id, written -> { }).save(d);
    }

    /** The change list's collection, for rebuilds (docs/rebuilds.md). */
    @Bean
    static ReadModel auditReadModel() {
        return new ReadModel("audit", PROCESSING_GROUP, List.of(AuditDocument.class),
                shadow -> new AuditProjection(shadow.mongo()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AuditDocument.class);
    }

    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditProjection::plain).toList();
        }
        return value instanceof Boolean || value instanceof Number || value == null ? value : value.toString();
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}

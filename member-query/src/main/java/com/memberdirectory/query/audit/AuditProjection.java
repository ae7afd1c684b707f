package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.member.MemberEvent;
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
        ChangeRecord change = ChangeRecord.of(event, message, sequence);
        AuditDocument d = new AuditDocument();
        d.id = change.id();
        d.memberId = change.memberId();
        d.type = change.type();
        d.occurredAt = change.occurredAt();
        d.sequence = change.sequence();
        d.actor = change.actor();
        d.source = change.source();
        d.correlationId = change.correlationId();
        d.fields = change.fields();
        d.changes = change.changes().stream().map(c -> new org.bson.Document("field", c.field())
                .append("before", c.before()).append("after", c.after())).toList();
        // the batch's entries looked up at once: a new one (every one but after a crash) is inserted, not upserted
        DocumentBatch.current(mongo, AuditDocument.class, a -> a.id,
                m -> m.getPayload() instanceof MemberEvent ? m.getIdentifier() : null, written -> { }).save(d);
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
}

package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The member list. Idempotent: each document remembers the version (event sequence + 1) it reflects and
 * ignores events it has already seen, so re-delivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.MEMBERS;
    private static final Logger log = LoggerFactory.getLogger(MemberProjection.class);

    private final MongoTemplate mongo;
    private final ProjectionWaiters<MemberView> waiters;
    private final FieldLabels labels;

    MemberProjection(MongoTemplate mongo, ProjectionWaiters<MemberView> memberWaiters, FieldLabels labels) {
        this.mongo = mongo;
        this.waiters = memberWaiters;
        this.labels = labels;
    }

    @EventHandler
    void on(MemberCreated event, @SequenceNumber long sequence, @Timestamp Instant stamp) {
        DocumentBatch<MemberDocument> batch = batch();
        MemberDocument existing = batch.find(event.memberId().value());
        if (existing != null && existing.version > sequence) {
            return;
        }
        warnIfUnstorable(event, sequence);
        batch.save(MemberFold.created(event, sequence, stamp));
    }

    @EventHandler
    void on(MemberEvent event, @SequenceNumber long sequence, @Timestamp Instant stamp) {
        if (event instanceof MemberCreated) {
            return;
        }
        DocumentBatch<MemberDocument> batch = batch();
        MemberDocument d = batch.find(event.memberId().value());
        if (d == null || d.version > sequence) {
            return;
        }
        warnIfUnstorable(event, sequence);
        MemberFold.apply(d, event, sequence, stamp);
        batch.save(d);
    }

    /** Said once, when the event is first projected: the list shows no date where the event has one. */
    private static void warnIfUnstorable(MemberEvent event, long sequence) {
        LocalDate date = MemberFold.unstorableDate(event);
        if (date != null) {
            log.warn("Member {}: {} (sequence {}) records the employment date {}, which the member list cannot hold; "
                    + "the list shows no employment date until a new one is set",
                    event.memberId().value(), event.getClass().getSimpleName(), sequence, date);
        }
    }

    /** The member list's collection, for rebuilds (docs/rebuilds.md). */
    @Bean
    ReadModel membersReadModel() {
        return new ReadModel("members", PROCESSING_GROUP, List.of(MemberDocument.class),
                shadow -> new MemberProjection(shadow.mongo(), shadow.waiters(), labels));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(MemberDocument.class);
    }

    private DocumentBatch<MemberDocument> batch() {
        return DocumentBatch.current(mongo, MemberDocument.class, d -> d.id,
                event -> event.getPayload() instanceof MemberEvent member ? member.memberId().value() : null,
                written -> {
                    written.forEach((id, document) -> waiters.storedUpTo(id, document.version));
                    if (waiters.hasWaiters()) {
                        Map<String, MemberView> views = new HashMap<>();
                        written.forEach((id, document) -> views.put(id, document.toView(labels)));
                        waiters.projected(views);
                    }
                });
    }
}

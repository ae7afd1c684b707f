package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Rebuilds the member list from the events into a new collection while the old one keeps answering, then
 * switches: the live projection pauses, the rebuild drains the last events, the collections are compared
 * and swapped, and the projection resumes from its token (re-applied events are ignored by version).
 */
@Component
public class MemberListRebuild {

    /** What a rebuild found. */
    public record Outcome(long events, long documents, long mismatches, long inFlight) {
    }

    static final String TARGET = "members_rebuild";
    private static final int CHUNK = 10_000;

    private final EventStore events;
    private final MongoTemplate mongo;
    private final EventProcessingConfiguration processors;

    MemberListRebuild(EventStore events, MongoTemplate mongo, EventProcessingConfiguration processors) {
        this.events = events;
        this.mongo = mongo;
        this.processors = processors;
    }

    public Outcome rebuild(LongConsumer progress) throws InterruptedException {
        if (mongo.collectionExists(TARGET)) {
            mongo.dropCollection(TARGET);
        }
        long count = 0;
        EventProcessor live = processors.eventProcessor(MemberProjection.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException("No member list processor"));
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            Map<String, MemberDocument> chunk = new HashMap<>();
            int inChunk = 0;
            boolean paused = false;
            while (true) {
                if (!stream.hasNextAvailable()) {
                    flush(chunk);
                    inChunk = 0;
                    progress.accept(count);
                    if (paused) {
                        break;
                    }
                    live.shutDown();
                    paused = true;
                    continue;
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                count++;
                if (message instanceof DomainEventMessage<?> domain && message.getPayload() instanceof MemberEvent event) {
                    apply(chunk, event, domain.getSequenceNumber());
                }
                if (++inChunk >= CHUNK) {
                    flush(chunk);
                    inChunk = 0;
                    progress.accept(count);
                }
            }
            Outcome outcome = compare(count);
            swap();
            return outcome;
        } finally {
            live.start();
        }
    }

    /** Drops what a rebuild interrupted by a crash left behind (the live collection was never touched). */
    public void discardUnfinished() {
        if (mongo.collectionExists(TARGET)) {
            mongo.dropCollection(TARGET);
        }
    }

    private void apply(Map<String, MemberDocument> chunk, MemberEvent event, long sequence) {
        String id = event.memberId().value();
        if (event instanceof MemberCreated created) {
            chunk.put(id, MemberFold.created(created, sequence));
            return;
        }
        MemberDocument document = chunk.computeIfAbsent(id, key -> mongo.findById(key, MemberDocument.class, TARGET));
        if (document != null && document.version <= sequence) {
            MemberFold.apply(document, event, sequence);
        }
    }

    private void flush(Map<String, MemberDocument> chunk) {
        chunk.values().removeIf(Objects::isNull);
        if (chunk.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MemberDocument.class, TARGET);
        chunk.forEach((id, document) -> bulk.replaceOne(Query.query(Criteria.where("_id").is(id)), document,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
        chunk.clear();
    }

    /**
     * Compares the rebuilt documents with the live ones. Documents at the same version must be equal
     * (mismatches); documents at different versions were changed while the rebuild ran (in flight).
     */
    private Outcome compare(long events) {
        String live = mongo.getCollectionName(MemberDocument.class);
        long mismatches = 0;
        long inFlight = 0;
        long documents = 0;
        Map<String, Document> old = new HashMap<>();
        try (MongoCursor<Document> cursor = mongo.getCollection(live).find().iterator()) {
            cursor.forEachRemaining(d -> old.put(d.getString("_id"), d));
        }
        try (MongoCursor<Document> cursor = mongo.getCollection(TARGET).find().iterator()) {
            while (cursor.hasNext()) {
                Document rebuilt = cursor.next();
                documents++;
                Document current = old.remove(rebuilt.getString("_id"));
                if (current == null || !Objects.equals(version(current), version(rebuilt))) {
                    inFlight++;
                } else if (!withoutClass(current).equals(withoutClass(rebuilt))) {
                    mismatches++;
                }
            }
        }
        mismatches += old.size();
        return new Outcome(events, documents, mismatches, inFlight);
    }

    private void swap() {
        String live = mongo.getCollectionName(MemberDocument.class);
        String database = mongo.getDb().getName();
        mongo.getCollection(TARGET).renameCollection(new MongoNamespace(database, live),
                new RenameCollectionOptions().dropTarget(true));
    }

    private static Object version(Document document) {
        Object version = document.get("version");
        return version instanceof Number number ? number.longValue() : version;
    }

    private static Document withoutClass(Document document) {
        Document copy = new Document(document);
        copy.remove("_class");
        return copy;
    }
}

package com.memberdirectory.query.member;

import com.memberdirectory.query.replay.ReadModelComparison;
import com.memberdirectory.query.search.MemberSearchIndex;
import com.memberdirectory.query.search.SearchEntry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Rebuilds the member search index in place: its processor ({@code member-search}) is stopped, its position reset
 * to the first event (Axon's {@code resetTokens}, which clears the index through the projection's reset handler),
 * and started again; meanwhile lists and searches are answered by reading the member list
 * ({@link MemberSearchFreshness}: the same answers, slower). Once the index has reached the end of the events as
 * they were when it was reset, every member of the member list is compared with the index's entry for it: both are
 * the same fold of the same events ({@link MemberFold}), so at the same version they must be equal (members at
 * different versions were changed while the comparison ran and are not compared).
 *
 * <p>Why not a second index and a swap, as the MongoDB read models are rebuilt: the index answers searches through
 * searchers kept open on its one writer, its position lives in its own commits, and a second index would need both
 * swapped under running searches; the fallback already answers every list exactly, and is what a new instance or a
 * damaged index uses too (docs/search.md).
 */
@Component
public class SearchIndexRebuild {

    /** What the rebuild found. */
    public record Outcome(long events, ReadModelComparison comparison) {
    }

    public static final String NAME = "search";
    private static final long WAIT_STEP_MILLIS = 500;
    private static final int CHUNK = 1_000;
    private static final long RECHECK_WAIT_MILLIS = 10_000;

    private final MemberSearchIndex index;
    private final EventProcessingConfiguration processors;
    private final EventStore events;
    private final MongoTemplate mongo;

    SearchIndexRebuild(MemberSearchIndex index, EventProcessingConfiguration processors, EventStore events, MongoTemplate mongo) {
        this.index = index;
        this.processors = processors;
        this.events = events;
        this.mongo = mongo;
    }

    public Outcome rebuild(LongConsumer progress) throws InterruptedException {
        StreamingEventProcessor processor = processors.eventProcessor(MemberSearchProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow(() -> new IllegalStateException("No member search processor"));
        TrackingToken head = events.createHeadToken();
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        while (!index.await(processed -> MemberSearchFreshness.reaches((TrackingToken) processed, head), WAIT_STEP_MILLIS)) {
            progress.accept(positionOf(index.processed()));
        }
        long handled = head == null ? 0 : head.position().orElse(0) + 1;
        progress.accept(handled);
        return new Outcome(handled, compare());
    }

    private ReadModelComparison compare() throws InterruptedException {
        String members = mongo.getCollectionName(MemberDocument.class);
        ReadModelComparison comparison = new ReadModelComparison(NAME);
        // a chunk at a time: the embedded read-model store keeps a query's whole answer in the heap
        List<String> ids = new ArrayList<>();
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        mongo.find(idsOnly, Document.class, members).forEach(d -> ids.add(d.getString("_id")));
        List<String> suspects = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (MemberDocument member : mongo.find(Query.query(Criteria.where("_id").in(chunk)), MemberDocument.class)) {
                SearchEntry expected = MemberSearchProjection.entryOf(member);
                SearchEntry indexed = index.entry(member.id);
                if (indexed == null ? expected.listed() : !indexed.equals(expected)) {
                    suspects.add(member.id);
                } else if (indexed != null) {
                    comparison.agreed();
                }
            }
        }
        if (!suspects.isEmpty()) {
            // a member created or changed while compared may not be in the index yet: look again once it has caught up
            TrackingToken now = events.createHeadToken();
            index.await(processed -> MemberSearchFreshness.reaches((TrackingToken) processed, now), RECHECK_WAIT_MILLIS);
        }
        for (String id : suspects) {
            MemberDocument member = mongo.findById(id, MemberDocument.class);
            if (member != null) {
                compare(comparison, member);
            }
        }
        return comparison;
    }

    private void compare(ReadModelComparison comparison, MemberDocument member) {
        SearchEntry expected = MemberSearchProjection.entryOf(member);
        SearchEntry indexed = index.entry(member.id);
        if (indexed != null && indexed.version() != expected.version()) {
            comparison.agreed(); // changed while compared: not comparable
        } else if (!expected.listed()) {
            if (indexed != null) {
                comparison.rebuilt(member.id, document(indexed), null);
            }
        } else if (indexed == null) {
            comparison.onlyLive(member.id);
        } else {
            comparison.rebuilt(member.id, document(indexed), document(expected));
        }
    }

    private static Document document(SearchEntry entry) {
        return new Document("_id", entry.id()).append("version", entry.version()).append("name", entry.name())
                .append("status", entry.status()).append("departmentIds", entry.departmentIds())
                .append("hasLoginPassword", entry.hasLoginPassword()).append("hidePhone", entry.hidePhone())
                .append("texts", new Document(entry.texts()));
    }

    private static long positionOf(Object processed) {
        return processed instanceof TrackingToken token ? token.position().orElse(0) : 0;
    }
}

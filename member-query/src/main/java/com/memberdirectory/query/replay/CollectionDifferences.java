package com.memberdirectory.query.replay;

import com.memberdirectory.query.support.IdOrderPages;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a rebuilt collection differs from the live one, in the two steps of {@link ReadModelRebuild}: first, while the
 * live processors run, the documents that differ ({@link #suspects}); then, paused at the same position, those
 * compared again and the rest counted as agreeing ({@link #compare}).
 */
final class CollectionDifferences {

    private static final int COMPARE_BATCH = 1_000;
    private static final int MAX_SUSPECTS = 10_000;
    private static final String STORE_COMPARISON = "directoryCompareCollections";
    private static final int MAX_STORE_DIFFERENCES = 100_000;

    private CollectionDifferences() {
    }

    /** The documents of {@code rebuilt} and {@code live} (collections of {@code database}) that differ now. */
    static RebuildSuspects suspects(MongoDatabase database, String live, String rebuilt) {
        MongoCollection<Document> liveOnes = database.getCollection(live);
        MongoCollection<Document> rebuiltOnes = database.getCollection(rebuilt);
        return storeComparison(database, live, rebuilt)
                .map(ids -> differing(liveOnes, rebuiltOnes, live, ids))
                .orElseGet(() -> differing(liveOnes, rebuiltOnes, live));
    }

    /**
     * Tallies the two collections at the same position: the suspects compared document by document, the differences
     * beyond them as the first comparison found them, every other rebuilt document as agreeing (it was equal then).
     */
    static ReadModelComparison compare(MongoCollection<Document> live, MongoCollection<Document> rebuilt,
                                       RebuildSuspects suspects) {
        ReadModelComparison comparison = suspects.beyond();
        long[] suspectsRebuilt = {0};
        forEachPair(live, rebuilt, new ArrayList<>(suspects.ids()), (id, rebuiltOne, liveOne) -> {
            if (rebuiltOne != null) {
                suspectsRebuilt[0]++;
                comparison.rebuilt(id, rebuiltOne, liveOne);
            } else if (liveOne != null) {
                comparison.onlyLive(id);
            }
        });
        comparison.agreed(rebuilt.estimatedDocumentCount() - suspectsRebuilt[0] - suspects.beyondRebuilt());
        return comparison;
    }

    /**
     * The ids of the documents whose stored bytes differ, found by the embedded read-model store itself (its command
     * {@code directoryCompareCollections}: both collections walked side by side in the file, nothing decoded or sent
     * but the ids) — empty with a MongoDB server, which has no such command, or when more than
     * {@value #MAX_STORE_DIFFERENCES} differ.
     */
    private static Optional<List<Object>> storeComparison(MongoDatabase database, String live, String rebuilt) {
        try {
            Document answer = database.runCommand(new Document(STORE_COMPARISON, live).append("with", rebuilt)
                    .append("limit", MAX_STORE_DIFFERENCES));
            return answer.getBoolean("complete", false) ? Optional.of(answer.getList("differing", Object.class))
                    : Optional.empty();
        } catch (MongoCommandException notHere) {
            return Optional.empty();
        }
    }

    /**
     * Of the documents whose bytes differ, those whose contents differ (or that only one side has): bytes can differ
     * for equal contents (fields in another order, as an older version wrote them).
     */
    private static RebuildSuspects differing(MongoCollection<Document> live, MongoCollection<Document> rebuilt, String name,
                                             List<Object> candidates) {
        RebuildSuspects suspects = new RebuildSuspects(name, MAX_SUSPECTS);
        forEachPair(live, rebuilt, candidates, (id, rebuiltOne, liveOne) -> {
            if (rebuiltOne == null || liveOne == null || !ReadModelComparison.same(rebuiltOne, liveOne)) {
                suspects.found(id, rebuiltOne, liveOne);
            }
        });
        return suspects;
    }

    /**
     * The documents that differ between the two collections, or that only one has: the live collection walked in id
     * order a page at a time, each page's rebuilt documents read by id; then, if the rebuild has documents the walk
     * did not meet, the rebuilt collection walked for them. The rebuilt collection does not change meanwhile, so its
     * count tells whether the second walk is needed (the collection's own count: {@code countDocuments} is an
     * aggregation, which the embedded store answers by reading every document into the heap). Memory is a page and
     * the suspects.
     */
    private static RebuildSuspects differing(MongoCollection<Document> live, MongoCollection<Document> rebuilt, String name) {
        RebuildSuspects suspects = new RebuildSuspects(name, MAX_SUSPECTS);
        long[] met = {0};
        IdOrderPages.forEach(live, null, COMPARE_BATCH, page -> {
            Map<Object, Document> fresh = byId(rebuilt, page.stream().map(d -> d.get("_id")).toList());
            met[0] += fresh.size();
            for (Document current : page) {
                Document rebuiltOne = fresh.get(current.get("_id"));
                if (rebuiltOne == null || !ReadModelComparison.same(rebuiltOne, current)) {
                    suspects.found(current.get("_id"), rebuiltOne, current);
                }
            }
        });
        if (rebuilt.estimatedDocumentCount() > met[0]) {
            IdOrderPages.forEach(rebuilt, new Document("_id", 1), COMPARE_BATCH, page -> {
                Map<Object, Document> current = byId(live, page.stream().map(d -> d.get("_id")).toList());
                page.stream().filter(d -> !current.containsKey(d.get("_id")))
                        .forEach(d -> suspects.found(d.get("_id"), d, null));
            });
        }
        return suspects;
    }

    /** One document of each side (null where it has none), for an id. */
    private interface Pair {
        void of(Object id, Document rebuilt, Document live);
    }

    /** Each id with its document on each side, read {@value #COMPARE_BATCH} ids at a time. */
    private static void forEachPair(MongoCollection<Document> live, MongoCollection<Document> rebuilt, List<Object> ids,
                                    Pair pair) {
        for (int from = 0; from < ids.size(); from += COMPARE_BATCH) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + COMPARE_BATCH));
            Map<Object, Document> fresh = byId(rebuilt, chunk);
            Map<Object, Document> current = byId(live, chunk);
            for (Object id : chunk) {
                pair.of(id, fresh.get(id), current.get(id));
            }
        }
    }

    private static Map<Object, Document> byId(MongoCollection<Document> collection, List<Object> ids) {
        Map<Object, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            collection.find(Filters.in("_id", ids)).forEach(d -> found.put(d.get("_id"), d));
        }
        return found;
    }
}

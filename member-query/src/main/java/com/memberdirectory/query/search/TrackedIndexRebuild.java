package com.memberdirectory.query.search;

import com.memberdirectory.query.replay.ReadModelComparison;
import com.memberdirectory.query.support.IdOrderPages;
import com.memberdirectory.query.support.StreamPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Rebuilds Lucene indexes of this instance ({@link TrackedIndex}) in place: each index's processor is stopped, its
 * position reset to the first event (Axon's {@code resetTokens}, which clears the index through the projection's
 * reset handler) and started again; meanwhile readers fall back to what answers for a new or lagging index. Once
 * every index has reached the end of the events as they were when it was reset, each is compared with the read model
 * it is derived alongside: for every document of that read model, the index's entry and the entry the document says
 * it should have — both folds of the same events, equal at the same version. A document that disagrees is looked at
 * again once the index has caught up with the events written meanwhile; one whose entry is at another version then
 * was changed while compared and is not compared.
 * <p>
 * Why not a second index and a swap, as the MongoDB read models are rebuilt: an index answers through searchers kept
 * open on its one writer, its position lives in its own commits, and a second index would need both swapped under
 * running reads; the fallbacks already answer exactly, and are what a new instance or a damaged index uses too.
 * <p>
 * An index declares only what differs ({@link RebuiltIndex}): its name, processor, index, the read model it is
 * compared with and how an entry looks.
 */
@Component
public class TrackedIndexRebuild {

    /**
     * One index that can be rebuilt, declared as a bean beside the projection that keeps it, and found by the replays
     * ({@code ReadModelReplays}) under {@code name}.
     *
     * @param name            the name a replay is asked for
     * @param processingGroup the processing group whose processor keeps the index
     * @param compared        the class of the read model's documents the index is compared with (its MongoDB
     *                        collection, walked in id order)
     * @param read            how a stored document of that collection is read for the comparison; null: mapped to
     *                        {@code compared} by Spring ({@link #mapped})
     * @param indexed         the index's entries for a page of live documents, in their order (null where it has
     *                        none): a page at a time, so that an index reads its stored entries in one pass
     * @param expected        the entry the index should have for a live document
     * @param <T>             the live documents as compared
     */
    public record RebuiltIndex<T>(String name, String processingGroup, TrackedIndex<?> index, Class<?> compared,
                                  Function<Document, T> read, Function<List<T>, List<Entry>> indexed,
                                  Function<T, Expected> expected) {

        /** An index compared with documents mapped to {@code compared} as the read model's repository maps them. */
        public static <T> RebuiltIndex<T> mapped(String name, String processingGroup, TrackedIndex<?> index,
                                                 Class<T> compared, Function<List<T>, List<Entry>> indexed,
                                                 Function<T, Expected> expected) {
            return new RebuiltIndex<>(name, processingGroup, index, compared, null, indexed, expected);
        }

        /** A page of {@code indexed} one document at a time, for an index whose lookups cost the same either way. */
        public static <T> Function<List<T>, List<Entry>> eachOf(Function<T, Entry> indexed) {
            return page -> page.stream().map(indexed).toList();
        }
    }

    /** An entry of an index as a document, and the version of the live document it reflects. */
    public record Entry(long version, Document document) {
    }

    /**
     * The entry an index should have for a live document; {@code required}: an index without one misses it (else it
     * may have none, but one it has must be this one).
     */
    public record Expected(Entry entry, boolean required) {
    }

    /** What the rebuild of one index found. */
    public record Outcome(String name, long events, ReadModelComparison comparison) {
    }

    private static final Logger log = LoggerFactory.getLogger(TrackedIndexRebuild.class);
    private static final long WAIT_STEP_MILLIS = 500;
    private static final int PAGE = 1_000;
    private static final long RECHECK_WAIT_MILLIS = 10_000;

    private final EventProcessingConfiguration processors;
    private final EventStore events;
    private final MongoTemplate mongo;

    TrackedIndexRebuild(EventProcessingConfiguration processors, EventStore events, MongoTemplate mongo) {
        this.processors = processors;
        this.events = events;
        this.mongo = mongo;
    }

    /**
     * Rebuilds {@code indexes} together (each on its own processor), then compares each. {@code progress} hears how
     * far the least advanced of them has come (events).
     */
    public List<Outcome> rebuild(List<? extends RebuiltIndex<?>> indexes, LongConsumer progress) throws InterruptedException {
        long started = System.nanoTime();
        List<StreamingEventProcessor> resets = new ArrayList<>();
        for (RebuiltIndex<?> index : indexes) {
            resets.add(processors.eventProcessor(index.processingGroup(), StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("No processor " + index.processingGroup())));
        }
        TrackingToken head = events.createHeadToken();
        for (StreamingEventProcessor processor : resets) {
            processor.shutDown();
            try {
                processor.resetTokens();
            } finally {
                processor.start();
            }
        }
        for (RebuiltIndex<?> index : indexes) {
            while (!index.index().await(processed -> reaches(processed, head), WAIT_STEP_MILLIS)) {
                progress.accept(indexes.stream().mapToLong(i -> positionOf(i.index().processed())).min().orElse(0));
            }
        }
        long handled = head == null ? 0 : head.position().orElse(0) + 1;
        progress.accept(handled);
        long caughtUp = System.nanoTime();
        log.info("Rebuilt {} from {} events in {} ms; comparing", names(indexes), handled, (caughtUp - started) / 1_000_000);
        List<Outcome> outcomes = new ArrayList<>();
        for (RebuiltIndex<?> index : indexes) {
            long comparing = System.nanoTime();
            outcomes.add(new Outcome(index.name(), handled, compare(index)));
            log.info("Compared {} with its read model in {} ms", index.name(), (System.nanoTime() - comparing) / 1_000_000);
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked") // a null reader comes with compared the class of T (RebuiltIndex.mapped)
    private <T> ReadModelComparison compare(RebuiltIndex<T> index) throws InterruptedException {
        ReadModelComparison comparison = new ReadModelComparison(index.name());
        Function<Document, T> read = index.read() != null ? index.read()
                : raw -> (T) mongo.getConverter().read(index.compared(), raw);
        MongoCollection<Document> collection = mongo.getCollection(mongo.getCollectionName(index.compared()));
        List<Object> suspects = new ArrayList<>();
        // a page at a time (the embedded read-model store keeps a query's whole answer in the heap); the next page is
        // read while this one is compared, on a thread of its own
        ExecutorService comparer = Executors.newSingleThreadExecutor(daemonThreads("rebuild-compare"));
        Semaphore inFlight = new Semaphore(2);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        try {
            IdOrderPages.forEach(collection, null, PAGE, page -> {
                if (failed.get() != null) {
                    throw failed.get();
                }
                List<T> lives = page.stream().map(read).toList();
                inFlight.acquireUninterruptibly();
                comparer.execute(() -> {
                    try {
                        comparePage(index, page, lives, comparison, suspects);
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            });
        } finally {
            comparer.shutdown();
            if (!comparer.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("The comparison of " + index.name() + " did not end");
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        if (!suspects.isEmpty()) {
            // a document created or changed while compared may not be in the index yet: look again once it has caught up
            TrackingToken now = events.createHeadToken();
            index.index().await(processed -> reaches(processed, now), RECHECK_WAIT_MILLIS);
        }
        for (Object id : suspects) {
            Document raw = collection.find(new Document("_id", id)).first();
            if (raw != null) {
                T live = read.apply(raw);
                recheck(comparison, id, index.indexed().apply(List.of(live)).get(0), index.expected().apply(live));
            }
        }
        return comparison;
    }

    /** Compares a page of live documents with their entries; those that differ are suspects (one thread). */
    private static <T> void comparePage(RebuiltIndex<T> index, List<Document> page, List<T> lives,
                                        ReadModelComparison comparison, List<Object> suspects) {
        List<Entry> entries = index.indexed().apply(lives);
        for (int i = 0; i < lives.size(); i++) {
            Entry indexed = entries.get(i);
            Expected expected = index.expected().apply(lives.get(i));
            if (indexed == null ? expected.required() : !indexed.document().equals(expected.entry().document())) {
                suspects.add(page.get(i).get("_id"));
            } else if (indexed != null) {
                comparison.agreed();
            }
        }
    }

    private static void recheck(ReadModelComparison comparison, Object id, Entry indexed, Expected expected) {
        if (indexed == null) {
            if (expected.required()) {
                comparison.onlyLive(id);
            }
        } else if (indexed.version() != expected.entry().version()) {
            comparison.agreed(); // changed while compared: not comparable
        } else {
            comparison.rebuilt(id, indexed.document(), expected.entry().document());
        }
    }

    private static List<String> names(List<? extends RebuiltIndex<?>> indexes) {
        return indexes.stream().map(RebuiltIndex::name).toList();
    }

    private static boolean reaches(Object processed, TrackingToken head) {
        return StreamPositions.reached((TrackingToken) processed, head);
    }

    private static long positionOf(Object processed) {
        return processed instanceof TrackingToken token ? token.position().orElse(0) : 0;
    }
}

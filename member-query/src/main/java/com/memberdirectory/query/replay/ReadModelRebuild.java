package com.memberdirectory.query.replay;

import com.memberdirectory.query.support.ProjectionWaiters;
import com.memberdirectory.query.support.StreamPositions;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Rebuilds read models from the events while the live ones keep answering, then switches to the rebuilt ones.
 *
 * <ol>
 *     <li>A fresh instance of each read model's handlers ({@link ReadModel#handlers()}) is run over the event
 *     stream from the first event, in batches of {@value #BATCH} events in one unit of work (as a processor runs
 *     them: the projections collect a batch's writes and write each collection once), writing into the rebuild
 *     collections ({@code <name>_rebuild}, {@link ShadowMongoTemplate}).</li>
 *     <li>At the end of the stream, while the live processors run on, each rebuilt collection is compared with the
 *     live one, document by document: the documents that differ (or that only one side has) are <em>suspects</em> — a
 *     real difference, or an event one side has seen and the other not yet. The embedded read-model store finds the
 *     documents whose stored bytes differ itself, and only those are read; with MongoDB both collections are walked
 *     a page at a time.</li>
 *     <li>Each live processing group involved is allowed to reach the rebuild's position and then paused (its
 *     processor shut down); its stored position is read.</li>
 *     <li>The rebuild is taken exactly to each paused group's position, and the suspects are compared again there
 *     ({@link ReadModelComparison}): any difference now is a real one. A document that was equal in the first
 *     comparison is equal here too: the events since reached both sides through the same handlers, which depend on
 *     the document and the event alone. So the pause lasts for the few documents the last events touched, not for
 *     a comparison of every document (at 1,000,000 documents, a minute: longer than writes wait for the read
 *     models, docs/rebuilds.md).</li>
 *     <li>The rebuild takes the events that came meanwhile, the rebuild collections are renamed over the live
 *     ones, and the processors are started again from their positions — the events after them are applied to
 *     the switched collections a second time, which the projections ignore (they are idempotent).</li>
 * </ol>
 * Queries keep answering from the live collections throughout; writes keep being accepted, and only wait for the
 * paused processors during the short switch. Nothing but the handlers' own collections is written: side effects
 * (the notification saga's messages, running imports) belong to other processors, which are never involved.
 */
@Component
public class ReadModelRebuild {

    /** What a rebuild found, per read model. */
    public record Outcome(long events, long inFlight, long pausedMillis, Map<String, List<ReadModelComparison>> comparisons) {
    }

    static final int BATCH = 2_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

    private final EventStore events;
    private final MongoTemplate mongo;
    private final EventProcessingConfiguration processors;
    private final ProjectionWaiters<Object> idle = new ProjectionWaiters<>("rebuild");

    ReadModelRebuild(EventStore events, MongoTemplate mongo, EventProcessingConfiguration processors) {
        this.events = events;
        this.mongo = mongo;
        this.processors = processors;
    }

    public Outcome rebuild(List<ReadModel> models, LongConsumer progress) throws InterruptedException {
        discardUnfinished(models);
        ShadowMongoTemplate shadowMongo = new ShadowMongoTemplate(mongo);
        Shadow shadow = new Shadow(shadowMongo, idle);
        List<AnnotationEventHandlerAdapter> handlers = models.stream()
                .map(model -> new AnnotationEventHandlerAdapter(model.handlers().apply(shadow))).toList();
        Set<String> groups = new LinkedHashSet<>();
        models.forEach(model -> groups.add(model.processingGroup()));

        Replayer replayer = new Replayer(handlers, progress);
        List<EventProcessor> paused = new ArrayList<>();
        long pausedAt = 0;
        long started = System.nanoTime();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            replayer.takeAvailable(stream);
            long replayed = System.nanoTime();
            Map<String, Map<String, RebuildSuspects>> suspects = new HashMap<>();
            for (ReadModel model : models) {
                suspects.put(model.name(), suspects(model));
            }
            long firstComparison = System.nanoTime();
            replayer.takeAvailable(stream);
            Map<String, TrackingToken> positions = new HashMap<>();
            for (String group : groups) {
                EventProcessor live = processors.eventProcessor(group)
                        .orElseThrow(() -> new IllegalStateException("No processor " + group));
                awaitLive(live, replayer.position());
                pausedAt = pausedAt == 0 ? System.nanoTime() : pausedAt;
                live.shutDown();
                paused.add(live);
                positions.put(group, storedPosition(group));
            }
            Map<String, List<ReadModelComparison>> comparisons = new LinkedHashMap<>();
            List<String> inOrder = new ArrayList<>(groups);
            inOrder.sort(Comparator.comparingLong(group -> orderOf(positions.get(group))));
            for (String group : inOrder) {
                replayer.takeUpTo(stream, positions.get(group));
                for (ReadModel model : models) {
                    if (model.processingGroup().equals(group)) {
                        comparisons.put(model.name(), compare(model, suspects.get(model.name())));
                    }
                }
            }
            long compared = replayer.count;
            long secondComparison = System.nanoTime();
            replayer.takeAvailable(stream);
            for (ReadModel model : models) {
                switchOver(model);
            }
            long switched = System.nanoTime();
            paused.forEach(EventProcessor::start);
            paused.clear();
            long pausedMillis = (System.nanoTime() - pausedAt) / 1_000_000;
            log.info("Rebuilt {}: {} events replayed in {} ms, compared in {} ms; live processors paused {} ms"
                            + " (stopping them and comparing again {} ms, switching {} ms)",
                    models.stream().map(ReadModel::name).toList(), replayer.count, (replayed - started) / 1_000_000,
                    (firstComparison - replayed) / 1_000_000, pausedMillis, (secondComparison - pausedAt) / 1_000_000,
                    (switched - secondComparison) / 1_000_000);
            return new Outcome(replayer.count, replayer.count - compared, pausedMillis, comparisons);
        } finally {
            paused.forEach(EventProcessor::start);
        }
    }

    /** Drops what a rebuild interrupted by a crash left behind (the live collections were never touched). */
    public void discardUnfinished(List<ReadModel> models) {
        for (ReadModel model : models) {
            for (Class<?> document : model.documents()) {
                String rebuilt = ShadowMongoTemplate.shadowOf(mongo.getCollectionName(document));
                if (mongo.collectionExists(rebuilt)) {
                    mongo.dropCollection(rebuilt);
                }
            }
        }
    }

    /** Waits until the live processor has handled every event up to {@code position} (the rebuild's). */
    private void awaitLive(EventProcessor live, TrackingToken position) throws InterruptedException {
        if (position == null || !(live instanceof StreamingEventProcessor streaming)) {
            return;
        }
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (true) {
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            if (!status.isEmpty() && status.values().stream()
                    .allMatch(segment -> reached(segment.getTrackingToken(), position))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The live processor " + live.getName()
                        + " did not reach the end of the events; the previous read model is still in use");
            }
            Thread.sleep(20);
        }
    }

    /** The position the paused group's processor stored: the lowest of its segments'. */
    private TrackingToken storedPosition(String group) {
        TokenStore tokens = processors.tokenStore(group);
        return processors.transactionManager(group).fetchInTransaction(() -> {
            TrackingToken lowest = null;
            boolean first = true;
            for (int segment : tokens.fetchSegments(group)) {
                TrackingToken token = tokens.fetchToken(group, segment);
                tokens.releaseClaim(group, segment);
                lowest = first ? token : lowest == null || token == null ? null : lowest.lowerBound(token);
                first = false;
            }
            return lowest;
        });
    }

    /** Whether a processor at {@code processed} has handled the event at {@code event}. */
    static boolean reached(TrackingToken processed, TrackingToken event) {
        return StreamPositions.reached(processed, event);
    }

    private static long orderOf(TrackingToken position) {
        return position == null ? -1 : position.position().orElse(Long.MAX_VALUE);
    }

    /** The documents of each of the model's collections that differ from the live ones now, by collection name. */
    private Map<String, RebuildSuspects> suspects(ReadModel model) {
        Map<String, RebuildSuspects> found = new HashMap<>();
        for (Class<?> document : model.documents()) {
            String live = mongo.getCollectionName(document);
            found.put(live, CollectionDifferences.suspects(mongo.getDb(), live, ShadowMongoTemplate.shadowOf(live)));
        }
        return found;
    }

    /** The model's collections compared again, at the paused position, where the first comparison found differences. */
    private List<ReadModelComparison> compare(ReadModel model, Map<String, RebuildSuspects> suspects) {
        List<ReadModelComparison> found = new ArrayList<>();
        for (Class<?> document : model.documents()) {
            String live = mongo.getCollectionName(document);
            found.add(CollectionDifferences.compare(mongo.getCollection(live),
                    mongo.getCollection(ShadowMongoTemplate.shadowOf(live)), suspects.get(live)));
        }
        return found;
    }

    /** Puts the rebuilt collections in place of the live ones (a rebuilt collection never created: none live either). */
    private void switchOver(ReadModel model) {
        String database = mongo.getDb().getName();
        for (Class<?> document : model.documents()) {
            String live = mongo.getCollectionName(document);
            String rebuilt = ShadowMongoTemplate.shadowOf(live);
            if (mongo.collectionExists(rebuilt)) {
                mongo.getCollection(rebuilt).renameCollection(new MongoNamespace(database, live),
                        new RenameCollectionOptions().dropTarget(true));
            } else if (mongo.collectionExists(live)) {
                mongo.dropCollection(live);
            }
        }
        model.afterSwitch().run();
    }

    /** Feeds events to the rebuilt handlers, a batch in one unit of work. */
    private static final class Replayer {

        private final List<AnnotationEventHandlerAdapter> handlers;
        private final LongConsumer progress;
        private final List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        private TrackingToken position;
        private long count;

        Replayer(List<AnnotationEventHandlerAdapter> handlers, LongConsumer progress) {
            this.handlers = handlers;
            this.progress = progress;
        }

        TrackingToken position() {
            return position;
        }

        /** Takes every event available now. */
        void takeAvailable(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
            while (stream.hasNextAvailable()) {
                take(stream.nextAvailable());
            }
            flush();
        }

        /**
         * Takes the events up to {@code target} (a paused processor's position), waiting for them if need be. A
         * processor that has handled nothing has a null position; then the rebuild has taken nothing either
         * ({@link #awaitLive}).
         */
        void takeUpTo(BlockingStream<TrackedEventMessage<?>> stream, TrackingToken target) throws InterruptedException {
            long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
            while (target != null && !reached(position, target)) {
                if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    if (!reached(target, stream.peek().orElseThrow().trackingToken())) {
                        break; // an event the paused processor has not handled (one committed late, in a gap)
                    }
                    take(stream.nextAvailable());
                } else if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The events up to the live read model's position did not arrive");
                }
            }
            flush();
        }

        private void take(TrackedEventMessage<?> message) {
            batch.add(message);
            position = message.trackingToken();
            count++;
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> message = unitOfWork.getMessage();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(message)) {
                        handler.handle(message);
                    }
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException("A rebuilt projection failed on an event", result.exceptionResult());
            }
            batch.clear();
            progress.accept(count);
        }
    }
}

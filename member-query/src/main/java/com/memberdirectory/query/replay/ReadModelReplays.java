package com.memberdirectory.query.replay;

import com.memberdirectory.query.jobs.JobLeases;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Starts read-model rebuilds ({@link ReadModelRebuild}) in the background, one at a time, and reports their progress.
 * The read models are those the projections declare ({@link ReadModel}) and the Lucene indexes of this instance that
 * declare how they are rebuilt ({@link TrackedIndexRebuild.RebuiltIndex}); {@value #ALL} rebuilds every one of them:
 * the MongoDB read models in one pass over the events, then the indexes together. A started replay is on disk before it is answered; one whose process died while it ran
 * is marked FAILED once the service is ready again ({@link JobLeases}) and its half-built collections dropped — the
 * live read models were never touched, and a new replay can be started.
 */
@Component
public class ReadModelReplays {

    /** Rebuilds every read model at once. */
    public static final String ALL = "all";
    static final String INTERRUPTED = "The rebuild was interrupted by a restart; the previous read model is still in use."
            + " Start the replay again.";
    private static final String COLLECTION = "replays";
    private static final Logger log = LoggerFactory.getLogger(ReadModelReplays.class);

    private final MongoTemplate mongo;
    private final ReadModelRebuild rebuild;
    private final TrackedIndexRebuild indexRebuild;
    private final Map<String, ReadModel> readModels = new LinkedHashMap<>();
    private final Map<String, TrackedIndexRebuild.RebuiltIndex<?>> indexes = new LinkedHashMap<>();
    private final JobLeases leases;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemonThreads("replay"));

    ReadModelReplays(MongoTemplate mongo, ReadModelRebuild rebuild, TrackedIndexRebuild indexRebuild,
                     List<ReadModel> declared, List<TrackedIndexRebuild.RebuiltIndex<?>> rebuiltIndexes, JobLeases leases) {
        this.mongo = mongo;
        this.rebuild = rebuild;
        this.indexRebuild = indexRebuild;
        this.leases = leases;
        Set<String> names = new HashSet<>(Set.of(ALL));
        declared.stream().sorted(java.util.Comparator.comparing(ReadModel::name)).forEach(model -> {
            if (!names.add(model.name())) {
                throw new IllegalStateException("Two read models are called " + model.name());
            }
            readModels.put(model.name(), model);
        });
        rebuiltIndexes.stream().sorted(java.util.Comparator.comparing(TrackedIndexRebuild.RebuiltIndex::name)).forEach(index -> {
            if (!names.add(index.name())) {
                throw new IllegalStateException("Two read models are called " + index.name());
            }
            indexes.put(index.name(), index);
        });
        leases.onSweep(this::failInterrupted);
    }

    /** The names {@link #start} accepts: every declared read model's and index's, by name, and {@value #ALL}. */
    public List<String> projections() {
        List<String> names = readModelsAndIndexes();
        names.add(ALL);
        return names;
    }

    private List<String> readModelsAndIndexes() {
        List<String> names = new ArrayList<>(readModels.keySet());
        names.addAll(indexes.keySet());
        names.sort(null);
        return names;
    }

    public ReplayDocument start(String projection) {
        if (!projections().contains(projection)) {
            throw new IllegalArgumentException(projection);
        }
        ReplayDocument replay = new ReplayDocument();
        replay.id = new ObjectId().toHexString();
        replay.projection = projection;
        replay.readModels = ALL.equals(projection) ? readModelsAndIndexes() : List.of(projection);
        replay.status = "RUNNING";
        replay.startedAt = Instant.now();
        replay.runner = leases.instance();
        replay.leaseUntil = leases.leaseEnd();
        mongo.insert(replay);
        leases.makeDurable();
        leases.hold(COLLECTION, replay.id);
        worker.execute(() -> run(replay));
        return replay;
    }

    public ReplayDocument find(String id) {
        return mongo.findById(id, ReplayDocument.class);
    }

    /**
     * Marks replays whose process died FAILED. On the replay thread, so that dropping the interrupted rebuild's
     * collection never races a replay started here.
     */
    void failInterrupted() {
        boolean any = false;
        for (ReplayDocument found : mongo.find(Query.query(Criteria.where("status").is("RUNNING")), ReplayDocument.class)) {
            if (leases.orphaned(found.runner, found.leaseUntil)) {
                any = true;
                break;
            }
        }
        if (any) {
            worker.execute(this::failOrphaned);
        }
    }

    private void failOrphaned() {
        boolean failed = false;
        for (ReplayDocument found : mongo.find(Query.query(Criteria.where("status").is("RUNNING")), ReplayDocument.class)) {
            if (!leases.orphaned(found.runner, found.leaseUntil)) {
                continue;
            }
            Update fail = new Update().set("status", "FAILED").set("message", INTERRUPTED).set("finishedAt", Instant.now())
                    .set("runner", leases.instance());
            if (mongo.updateFirst(Query.query(JobLeases.unchanged(found.id, found.status, found.runner, found.leaseUntil)),
                    fail, ReplayDocument.class).getModifiedCount() > 0) {
                log.warn("Replay {} was interrupted by a restart; marked FAILED", found.id);
                failed = true;
            }
        }
        // Replays run one at a time here; another instance's replay (MongoDB mode) would still be RUNNING.
        if (failed && !mongo.exists(Query.query(Criteria.where("status").is("RUNNING")), ReplayDocument.class)) {
            rebuild.discardUnfinished(List.copyOf(readModels.values()));
        }
    }

    private void run(ReplayDocument replay) {
        Query self = Query.query(Criteria.where("_id").is(replay.id));
        List<ReadModel> models = replay.readModels().stream().map(readModels::get).filter(java.util.Objects::nonNull).toList();
        try {
            replay.results = new ArrayList<>();
            if (!models.isEmpty()) {
                ReadModelRebuild.Outcome outcome = rebuild.rebuild(models, processed ->
                        mongo.updateFirst(self, Update.update("processedEvents", processed), ReplayDocument.class));
                replay.processedEvents = outcome.events();
                replay.inFlight = outcome.inFlight();
                replay.pausedMillis = outcome.pausedMillis();
                outcome.comparisons().forEach((name, found) -> replay.results.add(ReplayDocument.Result.of(name, found)));
                mongo.updateFirst(self, Update.update("results", replay.results), ReplayDocument.class);
            }
            List<TrackedIndexRebuild.RebuiltIndex<?>> rebuilt = replay.readModels().stream().map(indexes::get)
                    .filter(java.util.Objects::nonNull).toList();
            if (!rebuilt.isEmpty()) {
                for (TrackedIndexRebuild.Outcome outcome : indexRebuild.rebuild(rebuilt, processed ->
                        mongo.updateFirst(self, Update.update("searchIndexEvents", processed), ReplayDocument.class))) {
                    replay.searchIndexEvents = outcome.events();
                    replay.processedEvents = Math.max(replay.processedEvents, outcome.events());
                    replay.results.add(ReplayDocument.Result.of(outcome.name(), List.of(outcome.comparison())));
                }
            }
            replay.documents = replay.results.stream().mapToLong(ReplayDocument.Result::documents).sum();
            replay.mismatches = replay.results.stream().mapToLong(r -> r.missing() + r.extra() + r.different()).sum();
            replay.equal = replay.mismatches == 0;
            replay.status = "SUCCEEDED";
            if (!replay.equal) {
                log.warn("Replay {} found differences and replaced them: {}", replay.id, replay.results.stream()
                        .filter(r -> !r.equal()).map(r -> r.projection() + " " + r.examples()).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(replay, models, "Interrupted");
        } catch (RuntimeException | Error e) {
            log.error("Replay {} failed", replay.id, e);
            fail(replay, models, "The rebuild failed; the previous read model is still in use.");
        }
        replay.finishedAt = Instant.now();
        try {
            mongo.save(replay);
        } finally {
            leases.release(COLLECTION, replay.id);
        }
    }

    private void fail(ReplayDocument replay, List<ReadModel> models, String message) {
        replay.status = "FAILED";
        replay.message = message;
        try {
            rebuild.discardUnfinished(models);
        } catch (RuntimeException e) {
            log.warn("Replay {}: its rebuild collections could not be dropped; the next replay drops them", replay.id, e);
        }
    }
}

package com.memberdirectory.query.replay;

import com.memberdirectory.query.jobs.JobLeases;
import com.memberdirectory.query.member.MemberListRebuild;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts read-model rebuilds in the background, one at a time, and reports their progress. A started replay is on
 * disk before it is answered; one whose process died while it ran is marked FAILED once the service is ready again
 * ({@link JobLeases}) and its half-built collection dropped — the live read model was never touched, and a new
 * replay can be started.
 */
@Component
public class ReadModelReplays {

    public static final Set<String> PROJECTIONS = Set.of("members");
    static final String INTERRUPTED = "The rebuild was interrupted by a restart; the previous read model is still in use."
            + " Start the replay again.";
    private static final String COLLECTION = "replays";
    private static final Logger log = LoggerFactory.getLogger(ReadModelReplays.class);

    private final MongoTemplate mongo;
    private final MemberListRebuild members;
    private final JobLeases leases;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay");
        thread.setDaemon(true);
        return thread;
    });

    ReadModelReplays(MongoTemplate mongo, MemberListRebuild members, JobLeases leases) {
        this.mongo = mongo;
        this.members = members;
        this.leases = leases;
        leases.onSweep(this::failInterrupted);
    }

    public ReplayDocument start(String projection) {
        if (!PROJECTIONS.contains(projection)) {
            throw new IllegalArgumentException(projection);
        }
        ReplayDocument replay = new ReplayDocument();
        replay.id = new ObjectId().toHexString();
        replay.projection = projection;
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
            members.discardUnfinished();
        }
    }

    private void run(ReplayDocument replay) {
        Query self = Query.query(Criteria.where("_id").is(replay.id));
        try {
            MemberListRebuild.Outcome outcome = members.rebuild(processed ->
                    mongo.updateFirst(self, Update.update("processedEvents", processed), ReplayDocument.class));
            replay.processedEvents = outcome.events();
            replay.documents = outcome.documents();
            replay.mismatches = outcome.mismatches();
            replay.inFlight = outcome.inFlight();
            replay.equal = outcome.mismatches() == 0;
            replay.status = "SUCCEEDED";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replay.status = "FAILED";
            replay.message = "Interrupted";
        } catch (RuntimeException | Error e) {
            log.error("Replay {} failed", replay.id, e);
            replay.status = "FAILED";
            replay.message = "The rebuild failed; the previous read model is still in use.";
        }
        replay.finishedAt = Instant.now();
        try {
            mongo.save(replay);
        } finally {
            leases.release(COLLECTION, replay.id);
        }
    }
}

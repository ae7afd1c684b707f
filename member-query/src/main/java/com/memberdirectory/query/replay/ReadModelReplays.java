package com.memberdirectory.query.replay;

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

/** Starts read-model rebuilds in the background, one at a time, and reports their progress. */
@Component
public class ReadModelReplays {

    public static final Set<String> PROJECTIONS = Set.of("members");
    private static final Logger log = LoggerFactory.getLogger(ReadModelReplays.class);

    private final MongoTemplate mongo;
    private final MemberListRebuild members;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay");
        thread.setDaemon(true);
        return thread;
    });

    ReadModelReplays(MongoTemplate mongo, MemberListRebuild members) {
        this.mongo = mongo;
        this.members = members;
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
        mongo.insert(replay);
        worker.execute(() -> run(replay));
        return replay;
    }

    public ReplayDocument find(String id) {
        return mongo.findById(id, ReplayDocument.class);
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
        } catch (RuntimeException e) {
            log.error("Replay {} failed", replay.id, e);
            replay.status = "FAILED";
            replay.message = "The rebuild failed; the previous read model is still in use.";
        }
        replay.finishedAt = Instant.now();
        mongo.save(replay);
    }
}

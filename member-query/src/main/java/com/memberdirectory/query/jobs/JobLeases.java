package com.memberdirectory.query.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Who runs which background job (export, replay), so that a job whose process died is found again instead of
 * staying RUNNING forever. A job records its runner (this process, {@link #instance()}) and a lease that the runner
 * renews every {@link #RENEW_EVERY} while the job runs. A job is orphaned when its runner is another process and
 * either the store is this process's alone ({@link JobStorage#exclusive()}: the embedded default, so the runner died)
 * or the lease has run out (MongoDB mode, where several instances may share the store). Each job kind registers a
 * {@link #onSweep sweep} that takes over its orphaned jobs; sweeps run once the service is ready and then every
 * {@link #SWEEP_EVERY}.
 */
@Component
public class JobLeases implements DisposableBean {

    public static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration RENEW_EVERY = Duration.ofSeconds(15);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

    private final String instance = UUID.randomUUID().toString();
    private final MongoTemplate mongo;
    private final JobStorage storage;
    private final Clock clock = Clock.systemUTC();
    /** Jobs this process runs, by collection. */
    private final Map<String, Set<String>> held = new ConcurrentHashMap<>();
    private final List<Runnable> sweeps = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("job-leases"));

    JobLeases(MongoTemplate mongo, JobStorage storage) {
        this.mongo = mongo;
        this.storage = storage;
        timer.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This process, as the runner of the jobs it starts or takes over. */
    public String instance() {
        return instance;
    }

    /** The end of a lease taken or renewed now. */
    public Instant leaseEnd() {
        return clock.instant().plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    }

    /** From now on this process renews the lease of that job. */
    public void hold(String collection, String id) {
        held.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet()).add(id);
    }

    public void release(String collection, String id) {
        Set<String> ids = held.get(collection);
        if (ids != null) {
            ids.remove(id);
        }
    }

    /** Whether nobody runs a job that {@code runner} marked running with a lease until {@code leaseUntil}. */
    public boolean orphaned(String runner, Instant leaseUntil) {
        if (instance.equals(runner)) {
            return false;
        }
        return storage.exclusive() || leaseUntil == null || leaseUntil.isBefore(clock.instant());
    }

    /**
     * The job as it was read, to take it over only if nobody else did meanwhile (compare-and-set on its runner and
     * lease).
     */
    public static Criteria unchanged(String id, String status, String runner, Instant leaseUntil) {
        return Criteria.where("_id").is(id).and("status").is(status).and("runner").is(runner).and("leaseUntil").is(leaseUntil);
    }

    public void makeDurable() {
        storage.makeDurable();
    }

    /** Runs {@code sweep} once the service is ready, then every {@link #SWEEP_EVERY}. */
    public void onSweep(Runnable sweep) {
        sweeps.add(sweep);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        timer.scheduleWithFixedDelay(this::sweep, 0, SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        for (Runnable sweep : sweeps) {
            try {
                sweep.run();
            } catch (RuntimeException e) {
                log.warn("Looking for interrupted background jobs failed; trying again in {}", SWEEP_EVERY, e);
            }
        }
    }

    private void renew() {
        held.forEach((collection, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            try {
                mongo.updateMulti(Query.query(Criteria.where("_id").in(List.copyOf(ids)).and("runner").is(instance)),
                        Update.update("leaseUntil", leaseEnd()), collection);
            } catch (RuntimeException e) {
                log.warn("Could not renew the leases of the {} running here", collection, e);
            }
        });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}

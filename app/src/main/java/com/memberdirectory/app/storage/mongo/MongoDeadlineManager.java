package com.memberdirectory.app.storage.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineException;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * A persistent {@link org.axonframework.deadline.DeadlineManager} in MongoDB: one document per pending deadline in
 * collection {@value #COLLECTION} (name, scope and message serialized with Axon's {@link Serializer}, the due time,
 * and a lease while a process runs it), so pending deadlines survive a restart and {@code kill -9}.
 * <ul>
 *     <li>Scheduling and cancelling happen when the current unit of work prepares its commit (at once without one),
 *     through {@link TransactionBoundMongoTemplate}: with MongoDB transactions on they commit or abort with the
 *     unit of work's transaction; a unit of work that rolls back before its commit schedules nothing.</li>
 *     <li>While started ({@link #start()}), a poller claims each due deadline, as a runner thread becomes free,
 *     with an atomic find-and-modify that sets a lease (owner and {@code lockedUntil}); only a deadline whose lease
 *     is absent or expired can be claimed, so two processes never run one at the same time, and one claimed by a
 *     process that died is run again once its lease has expired. A run must end well within the lease.</li>
 *     <li>A deadline runs in a unit of work with the transaction manager; it is deleted only when its handler
 *     succeeded — in the same transaction where there is one, else after the commit (a crash in between runs it
 *     once more). A failed run releases it to run again after a back-off that doubles per failure.</li>
 * </ul>
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    static final String COLLECTION = "directory_deadlines";
    private static final String NAME = "name";
    private static final String DUE = "due";
    private static final String OWNER = "owner";
    static final String LOCKED_UNTIL = "lockedUntil";
    private static final String FAILURES = "failures";
    private static final String ID = "_id";
    private static final String SCOPE_TYPE = "scopeType";
    private static final String SCOPE = "scope";
    private static final String MESSAGE_ID = "messageId";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final String PAYLOAD_REVISION = "payloadRevision";
    private static final String PAYLOAD = "payload";
    private static final String META_DATA = "metaData";
    private static final String TIMESTAMP = "timestamp";
    private static final int MAX_BACKOFF_DOUBLINGS = 6;
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();
    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);

    /**
     * @param interval       how often due deadlines are looked for; one this process schedules to fall due sooner
     *                       is looked for at its due time
     * @param lease          how long a claimed deadline is reserved for the run that claimed it
     * @param failureBackoff the wait before a failed deadline runs again, doubled for each further failure
     * @param threads        how many deadlines may run at the same time in this process
     */
    public record Polling(Duration interval, Duration lease, Duration failureBackoff, int threads) {
    }

    private final TransactionBoundMongoTemplate mongo;
    private final ScopeAwareProvider scopes;
    private final Serializer serializer;
    private final TransactionManager transactionManager;
    private final Polling polling;
    private volatile Poller poller;

    public MongoDeadlineManager(TransactionBoundMongoTemplate mongo, ScopeAwareProvider scopes, Serializer serializer,
                                TransactionManager transactionManager, Polling polling) {
        this.mongo = mongo;
        this.scopes = scopes;
        this.serializer = serializer;
        this.transactionManager = transactionManager;
        this.polling = polling;
        mongo.ensureCollection(COLLECTION);
        deadlines().createIndex(Indexes.ascending(DUE));
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<Object> message = GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload,
                triggerDateTime);
        String id = IdentifierFactory.getInstance().generateIdentifier();
        runOnPrepareCommitOrNow(() -> {
            deadlines().insertOne(document(id, deadlineScope, processDispatchInterceptors(message), triggerDateTime));
            afterCommitOrNow(() -> lookAt(triggerDateTime));
        });
        return id;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> deadlines().deleteOne(and(eq(ID, scheduleId), eq(NAME, deadlineName))));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines().deleteMany(eq(NAME, deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        SerializedObject<String> serializedScope = serializer.serialize(scope, String.class);
        runOnPrepareCommitOrNow(() -> deadlines().deleteMany(and(eq(NAME, deadlineName),
                eq(SCOPE_TYPE, serializedScope.getType().getName()), eq(SCOPE, serializedScope.getData()))));
    }

    /** Starts running due deadlines in this process. */
    public synchronized void start() {
        if (poller == null) {
            poller = new Poller();
        }
    }

    /** Stops claiming deadlines and waits (at most a lease) for the runs in progress. */
    public synchronized void stop() {
        if (poller != null) {
            poller.stop();
            poller = null;
        }
    }

    /** Called by Spring when the bean is destroyed. */
    @Override
    public void shutdown() {
        stop();
    }

    private MongoCollection<Document> deadlines() {
        return mongo.collection(COLLECTION);
    }

    private Document document(String id, ScopeDescriptor scope, DeadlineMessage<?> message, Instant due) {
        SerializedObject<String> serializedScope = serializer.serialize(scope, String.class);
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        return new Document(ID, id)
                .append(NAME, message.getDeadlineName())
                .append(DUE, Date.from(due))
                .append(SCOPE_TYPE, serializedScope.getType().getName())
                .append(SCOPE, serializedScope.getData())
                .append(MESSAGE_ID, message.getIdentifier())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, serializer.serialize(message.getMetaData(), String.class).getData())
                .append(TIMESTAMP, Date.from(message.getTimestamp()))
                .append(FAILURES, 0);
    }

    private DeadlineMessage<?> messageOf(Document deadline) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(deadline.getString(PAYLOAD), String.class,
                deadline.getString(PAYLOAD_TYPE), deadline.getString(PAYLOAD_REVISION)));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(deadline.getString(META_DATA),
                String.class, serializer.typeForClass(MetaData.class)));
        return new GenericDeadlineMessage<>(deadline.getString(NAME), deadline.getString(MESSAGE_ID), payload, metaData,
                deadline.getDate(TIMESTAMP).toInstant());
    }

    private ScopeDescriptor scopeOf(Document deadline) {
        return serializer.deserialize(new SimpleSerializedObject<>(deadline.getString(SCOPE), String.class,
                deadline.getString(SCOPE_TYPE), null));
    }

    /** Claims the deadline due first whose lease is absent or expired, if any. */
    Optional<Document> claimNext() {
        Date now = Date.from(now());
        Bson free = or(exists(LOCKED_UNTIL, false), lte(LOCKED_UNTIL, now));
        return Optional.ofNullable(deadlines().findOneAndUpdate(and(lte(DUE, now), free),
                combine(set(OWNER, PROCESS + " " + UUID.randomUUID()),
                        set(LOCKED_UNTIL, Date.from(now.toInstant().plus(polling.lease())))),
                new FindOneAndUpdateOptions().sort(Indexes.ascending(DUE)).returnDocument(ReturnDocument.AFTER)));
    }

    /** Runs a claimed deadline; deletes it if its handler succeeded, else releases it for a later attempt. */
    private void run(Document deadline) {
        ResultMessage<?> result;
        try {
            DeadlineMessage<?> message = messageOf(deadline);
            ScopeDescriptor scope = scopeOf(deadline);
            UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
            unitOfWork.attachTransaction(transactionManager);
            InterceptorChain chain = new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors(), intercepted -> {
                send(intercepted, scope);
                removeOnSuccess(deadline);
                return null;
            });
            result = unitOfWork.executeWithResult(chain::proceed);
        } catch (RuntimeException e) {
            result = GenericResultMessage.asResultMessage(e);
        }
        if (result.isExceptional()) {
            release(deadline, result.exceptionResult());
        }
    }

    private void send(DeadlineMessage<?> message, ScopeDescriptor scope) {
        scopes.provideScopeAwareStream(scope).filter(component -> component.canResolve(scope)).forEach(component -> {
            try {
                component.send(message, scope);
            } catch (Exception e) {
                throw new DeadlineException("Deadline '" + message.getDeadlineName() + "' failed in "
                        + scope.scopeDescription(), e);
            }
        });
    }

    private void removeOnSuccess(Document deadline) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (mongo.inTransaction()) {
            unitOfWork.onPrepareCommit(u -> remove(deadline));
        } else {
            unitOfWork.afterCommit(u -> remove(deadline));
        }
    }

    private void remove(Document deadline) {
        if (deadlines().deleteOne(heldBy(deadline)).getDeletedCount() == 0) {
            log.warn("Deadline '{}' ({}) was cancelled while it ran, or ran longer than its lease of {} and may have"
                    + " been run by another process too", deadline.getString(NAME), deadline.get(ID), polling.lease());
        }
    }

    private void release(Document deadline, Throwable failure) {
        int failures = deadline.getInteger(FAILURES, 0) + 1;
        Instant retryAt = now().plus(polling.failureBackoff()
                .multipliedBy(1L << Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS)));
        log.warn("Deadline '{}' ({}) failed ({} failure(s) so far); it runs again at {}", deadline.getString(NAME),
                deadline.get(ID), failures, retryAt, failure);
        deadlines().updateOne(heldBy(deadline), combine(set(DUE, Date.from(retryAt)), set(FAILURES, failures),
                unset(OWNER), unset(LOCKED_UNTIL)));
    }

    /** The deadline, as long as the claim that is running it still holds it. */
    private static Bson heldBy(Document deadline) {
        return and(eq(ID, deadline.get(ID)), eq(OWNER, deadline.getString(OWNER)));
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static void afterCommitOrNow(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> task.run());
        } else {
            task.run();
        }
    }

    /** Makes sure a deadline due before the next regular poll is looked for when it falls due. */
    private void lookAt(Instant due) {
        Poller current = poller;
        // One millisecond late rather than a fraction early: the claim compares whole milliseconds, and a poll that
        // finds nothing due yet would leave the deadline to the next regular poll.
        Duration wait = Duration.between(now(), due).plusMillis(1);
        if (current != null && wait.compareTo(polling.interval()) < 0) {
            current.pollIn(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    /**
     * One thread looks for due deadlines and claims one per free runner; the runners run them. Claiming only for a
     * free runner means no deadline waits, leased, in a queue.
     */
    private final class Poller {

        private final ScheduledThreadPoolExecutor claims = new ScheduledThreadPoolExecutor(1,
                daemonThreads("deadline-poller"));
        private final ExecutorService runners = Executors.newFixedThreadPool(polling.threads(),
                daemonThreads("deadline-runner"));
        private final Semaphore freeRunners = new Semaphore(polling.threads());

        Poller() {
            claims.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            claims.scheduleWithFixedDelay(this::poll, 0, polling.interval().toMillis(), TimeUnit.MILLISECONDS);
        }

        void pollIn(Duration wait) {
            try {
                claims.schedule(this::poll, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                log.debug("Stopping: due deadlines are left to the next start");
            }
        }

        private void poll() {
            while (!claims.isShutdown() && freeRunners.tryAcquire()) {
                Optional<Document> claimed;
                try {
                    claimed = claimNext();
                } catch (RuntimeException e) {
                    freeRunners.release();
                    log.warn("Could not look for due deadlines; trying again in {}", polling.interval(), e);
                    return;
                }
                if (claimed.isEmpty()) {
                    freeRunners.release();
                    return;
                }
                runners.execute(() -> runAndLookForMore(claimed.get()));
            }
        }

        private void runAndLookForMore(Document deadline) {
            try {
                run(deadline);
            } catch (RuntimeException e) {
                log.warn("Deadline {} could not be released after a failure; it runs again when its lease expires",
                        deadline.get(ID), e);
            } finally {
                freeRunners.release();
                pollIn(Duration.ZERO);
            }
        }

        /** Claims no more, then lets the runs in progress end (at most a lease each: then they are interrupted). */
        void stop() {
            claims.shutdown();
            awaitTermination(claims);
            runners.shutdown();
            awaitTermination(runners);
        }

        private void awaitTermination(ExecutorService executor) {
            try {
                if (!executor.awaitTermination(polling.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("Deadlines still running after {}; they run again when their leases expire",
                            polling.lease());
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}

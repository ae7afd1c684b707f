package com.memberdirectory.app.storage.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link MongoDeadlineManager} against the in-process MongoDB stand-in; each manager plays one process. */
class MongoDeadlineManagerTest {

    private static final Duration FAST_POLLING = Duration.ofMillis(50);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final String DELIVER = "deliver";
    private static final ScopeDescriptor SAGA = new SagaScopeDescriptor("TestSaga", "saga-1");
    private static final ScopeDescriptor OTHER_SAGA = new SagaScopeDescriptor("TestSaga", "saga-2");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final RecordingSagas sagas = new RecordingSagas();
    private final List<MongoDeadlineManager> processes = new ArrayList<>();
    private MongoClient client;
    private TransactionBoundMongoTemplate mongo;

    @BeforeEach
    void startServer() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new TransactionBoundMongoTemplate(new SimpleMongoClientDatabaseFactory(client, "deadlines"));
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(MongoDeadlineManager::stop);
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_deadline_runs_once_when_it_falls_due_with_its_payload_and_metadata() {
        MongoDeadlineManager manager = started(process(FAST_POLLING, LEASE));
        Instant due = now().plusMillis(300);

        manager.schedule(due, DELIVER, new GenericMessage<>("hello", MetaData.with("actor", "admin")), SAGA);

        await().atMost(Duration.ofSeconds(5)).until(() -> sagas.runs().size() == 1 && pending() == 0);
        Run run = sagas.runs().get(0);
        assertThat(run.at()).isAfterOrEqualTo(due.minusMillis(1));
        assertThat(run.scope()).isEqualTo(SAGA);
        assertThat(run.message().getDeadlineName()).isEqualTo(DELIVER);
        assertThat(run.message().getPayload()).isEqualTo("hello");
        assertThat(run.message().getMetaData()).containsEntry("actor", "admin");
    }

    @Test
    void a_deadline_due_before_the_next_poll_is_run_when_it_falls_due() {
        MongoDeadlineManager manager = started(process(Duration.ofHours(1), LEASE));
        Instant due = now().plusMillis(200);

        manager.schedule(due, DELIVER, "soon", SAGA);

        await().atMost(Duration.ofSeconds(5)).until(() -> sagas.runs().size() == 1);
        assertThat(sagas.runs().get(0).at()).isAfterOrEqualTo(due.minusMillis(1));
    }

    @Test
    void cancelling_removes_exactly_the_deadlines_named() {
        MongoDeadlineManager manager = process(FAST_POLLING, LEASE);
        String first = manager.schedule(now(), DELIVER, "cancelled by id", SAGA);
        manager.schedule(now(), DELIVER, "kept", SAGA);
        manager.schedule(now(), DELIVER, "cancelled with its scope", OTHER_SAGA);
        manager.schedule(now(), "remind", "cancelled with its name", SAGA);
        manager.schedule(now(), "remind", "cancelled with its name too", OTHER_SAGA);

        manager.cancelSchedule(DELIVER, first);
        manager.cancelAllWithinScope(DELIVER, OTHER_SAGA);
        manager.cancelAll("remind");
        assertThat(pending()).isEqualTo(1);
        started(manager);

        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0 && !sagas.runs().isEmpty());
        assertThat(sagas.payloads()).containsExactly("kept");
    }

    @Test
    void scheduling_and_cancelling_take_effect_only_when_the_unit_of_work_commits() {
        MongoDeadlineManager manager = process(FAST_POLLING, LEASE);
        String kept = manager.schedule(now(), DELIVER, "kept", SAGA);

        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("cause"));
        manager.schedule(now(), DELIVER, "rolled back", SAGA);
        manager.cancelSchedule(DELIVER, kept);
        rolledBack.rollback();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("cause"));
        manager.schedule(now(), DELIVER, "committed", OTHER_SAGA);
        assertThat(pending()).as("not before the commit").isEqualTo(1);
        committed.commit();
        started(manager);

        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0 && sagas.runs().size() == 2);
        assertThat(sagas.payloads())
                .containsExactlyInAnyOrder("kept", "committed");
    }

    @Test
    void a_pending_deadline_survives_a_restart_and_is_run_exactly_once() {
        MongoDeadlineManager before = started(process(FAST_POLLING, LEASE));
        before.schedule(Duration.ofMillis(300), DELIVER, "after the restart", SAGA);
        before.stop();

        started(process(FAST_POLLING, LEASE));

        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0 && !sagas.runs().isEmpty());
        assertThat(sagas.payloads()).containsExactly("after the restart");
    }

    @Test
    void a_deadline_claimed_by_a_process_that_died_is_run_by_another_once_its_lease_has_expired() {
        MongoDeadlineManager died = process(FAST_POLLING, Duration.ofSeconds(2));
        died.schedule(now(), DELIVER, "orphaned", SAGA);
        Document claimed = died.claimNext().orElseThrow();
        Instant leaseEnds = claimed.getDate(MongoDeadlineManager.LOCKED_UNTIL).toInstant();

        MongoDeadlineManager survivor = process(FAST_POLLING, LEASE);
        assertThat(survivor.claimNext()).as("claimed while the lease holds").isEmpty();
        started(survivor);

        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0 && !sagas.runs().isEmpty());
        assertThat(sagas.runs()).singleElement().satisfies(run -> {
            assertThat(run.message().getPayload()).isEqualTo("orphaned");
            assertThat(run.at()).isAfterOrEqualTo(leaseEnds);
        });
    }

    @Test
    void two_processes_share_the_due_deadlines_and_never_both_run_one() {
        MongoDeadlineManager one = process(FAST_POLLING, LEASE);
        MongoDeadlineManager two = process(FAST_POLLING, LEASE);
        IntStream.range(0, 40).forEach(i -> (i % 2 == 0 ? one : two)
                .schedule(now(), DELIVER, "deadline " + i, new SagaScopeDescriptor("TestSaga", "saga-" + i)));

        started(one);
        started(two);

        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0 && sagas.runs().size() >= 40);
        assertThat(sagas.payloads()).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void a_failing_handler_is_retried_after_a_doubling_back_off_and_the_deadline_is_kept_until_it_succeeds() {
        sagas.failNext(2);
        MongoDeadlineManager manager = started(process(FAST_POLLING, LEASE));

        manager.schedule(now(), DELIVER, "flaky", SAGA);

        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0 && sagas.attempts().size() == 3);
        List<Instant> attempts = sagas.attempts();
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(BACKOFF);
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(BACKOFF.multipliedBy(2));
        assertThat(sagas.payloads()).containsExactly("flaky");
    }

    private MongoDeadlineManager process(Duration pollingInterval, Duration lease) {
        MongoDeadlineManager manager = new MongoDeadlineManager(mongo, sagas, JacksonSerializer.defaultSerializer(),
                NoTransactionManager.INSTANCE, new MongoDeadlineManager.Polling(pollingInterval, lease, BACKOFF, 2));
        processes.add(manager);
        return manager;
    }

    private static MongoDeadlineManager started(MongoDeadlineManager manager) {
        manager.start();
        return manager;
    }

    private long pending() {
        MongoCollection<Document> deadlines = client.getDatabase("deadlines").getCollection(MongoDeadlineManager.COLLECTION);
        return deadlines.countDocuments();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    record Run(DeadlineMessage<?> message, ScopeDescriptor scope, Instant at) {
    }

    /** Sagas of type {@code TestSaga}: record every deadline they get, fail when told to. */
    private static final class RecordingSagas implements ScopeAware, ScopeAwareProvider {

        private final List<Run> runs = new CopyOnWriteArrayList<>();
        private final List<Instant> attempts = new CopyOnWriteArrayList<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public Stream<ScopeAware> provideScopeAwareStream(ScopeDescriptor scope) {
            return Stream.of(this);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return scope instanceof SagaScopeDescriptor saga && saga.getType().equals("TestSaga");
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scope) throws InterruptedException {
            Instant at = now();
            attempts.add(at);
            Thread.sleep(5); // a run takes a little while, as a delivery does, so that runs of two processes overlap
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the saga store is unavailable");
            }
            runs.add(new Run((DeadlineMessage<?>) message, scope, at));
        }

        void failNext(int count) {
            failuresLeft.set(count);
        }

        List<Run> runs() {
            return List.copyOf(runs);
        }

        List<Object> payloads() {
            return runs.stream().<Object>map(run -> run.message().getPayload()).toList();
        }

        List<Instant> attempts() {
            return List.copyOf(attempts);
        }
    }
}

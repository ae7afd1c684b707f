package com.memberdirectory.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's reader sees a group-commit batch's events as soon as the batch commits, not a fetch delay
 * later. The fetch delay here is an hour, so only a wake-up after the commit can deliver them.
 */
class CommitAwareEventStoreTest {

    private DataSourceTransactionManager transactions;
    private EmbeddedEventStore store;
    private BlockingStream<TrackedEventMessage<?>> stream;

    @BeforeEach
    void start() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:hsqldb:mem:event-store-" + UUID.randomUUID() + ";hsqldb.tx=mvcc", "SA", "");
        EmbeddedSchema.apply(new JdbcTemplate(dataSource));
        transactions = new DataSourceTransactionManager(dataSource);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer).dataType(byte[].class)
                .build();
        store = new CommitAwareEventStore(EmbeddedEventStore.builder().storageEngine(engine)
                .fetchDelay(TimeUnit.HOURS.toMillis(1)));
        stream = store.openStream(null);
    }

    @AfterEach
    void stop() {
        stream.close();
        store.shutDown();
    }

    @Test
    void eventsOfACommandInABatchReachTheReaderWhenTheBatchCommits() throws Exception {
        // A first event published on its own: the reader is running and tailing.
        store.publish(event("first", 0));
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

        // A batch on a writer thread: the command's unit of work commits its savepoint (and used to wake the
        // reader then), the batch commits when told to.
        CountDownLatch handled = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> batch(handled, commit, true));
        assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).as("nothing readable before the commit").isFalse();
        commit.countDown();
        writer.get(10, TimeUnit.SECONDS);

        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).as("read once the batch committed").isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
    }

    @Test
    void aBatchThatRollsBackDeliversNothingAndLaterEventsStillArrive() throws Exception {
        CountDownLatch handled = new CountDownLatch(1);
        CountDownLatch rollback = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> batch(handled, rollback, false));
        assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        rollback.countDown();
        writer.get(10, TimeUnit.SECONDS);
        assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();

        store.publish(event("after", 1));
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
    }

    @Test
    void consecutiveBatchesOfSeveralCommandsOnOneWriterThreadEachArriveWhenTheyCommit() throws Exception {
        store.publish(event("first", 0));
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch handled = new CountDownLatch(1);
                CountDownLatch commit = new CountDownLatch(1);
                long first = 1 + 2L * round;
                Future<Boolean> markerLeft = writer.submit(() -> {
                    batch(handled, commit, true, first, first + 1);
                    // What makes a transaction wake the reader once must not outlive it on the writer thread:
                    // the next batch would then not wake the reader at all.
                    return TransactionSynchronizationManager.hasResource(store);
                });
                assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
                commit.countDown();
                assertThat(markerLeft.get(10, TimeUnit.SECONDS)).as("round %d", round).isFalse();
                for (long sequence = first; sequence <= first + 1; sequence++) {
                    assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).as("round %d", round).isTrue();
                    assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + sequence);
                }
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /** One command publishing "second" in a savepoint of a batch transaction, committed or rolled back on cue. */
    private void batch(CountDownLatch handled, CountDownLatch finish, boolean commit) {
        batch(handled, finish, commit, 1);
    }

    /** A batch transaction with one command (a savepoint) per sequence number, committed or rolled back on cue. */
    private void batch(CountDownLatch handled, CountDownLatch finish, boolean commit, long... sequences) {
        TransactionStatus batch = transactions.getTransaction(new DefaultTransactionDefinition());
        for (long sequence : sequences) {
            UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
            command.attachTransaction(new SavepointTransactionManager(transactions));
            store.publish(event(sequences.length == 1 ? "second" : "event " + sequence, sequence));
            command.commit();
        }
        handled.countDown();
        try {
            assertThat(finish.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (commit) {
            transactions.commit(batch);
        } else {
            transactions.rollback(batch);
        }
    }

    private static GenericDomainEventMessage<String> event(String payload, long sequence) {
        return new GenericDomainEventMessage<>("Member", "member-1", sequence, payload);
    }
}

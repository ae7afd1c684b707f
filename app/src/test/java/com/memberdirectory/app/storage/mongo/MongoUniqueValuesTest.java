package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lookup table without transactions (the compensating mode used against the in-process stand-in), and the
 * start-up check that keeps the transactional default away from a server without transactions.
 */
class MongoUniqueValuesTest {

    private static MongoServer server;
    private static MongoClient client;
    private static SimpleMongoClientDatabaseFactory factory;
    private MongoUniqueValues unique;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        factory = new SimpleMongoClientDatabaseFactory(client, "directory");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void emptyTable() {
        factory.getMongoDatabase().getCollection(MongoUniqueValues.COLLECTION).deleteMany(new Document());
        unique = new MongoUniqueValues(new TransactionBoundMongoTemplate(factory));
    }

    @Test
    void aClaimIsHeldByItsOwnerOnly() {
        assertThat(unique.claim(UniqueKind.WORK_EMAIL, "ada@example.com", "m1")).isTrue();
        assertThat(unique.claim(UniqueKind.WORK_EMAIL, "ada@example.com", "m1")).isTrue();
        assertThat(unique.claim(UniqueKind.WORK_EMAIL, "ada@example.com", "m2")).isFalse();
        assertThat(unique.claim(UniqueKind.PHONE, "ada@example.com", "m2")).as("kinds are separate").isTrue();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "ada@example.com")).contains("m1");
        unique.release(UniqueKind.WORK_EMAIL, "ada@example.com", "m2");
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "ada@example.com")).as("only the owner releases").contains("m1");
        unique.release(UniqueKind.WORK_EMAIL, "ada@example.com", "m1");
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "ada@example.com")).isEmpty();
    }

    @Test
    void aRolledBackUnitOfWorkLeavesNoClaimBehind() {
        unique.claim(UniqueKind.WORK_EMAIL, "taken@example.com", "m1");

        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        assertThat(unique.claim(UniqueKind.USER_ID, "grace", "m2")).isTrue();
        assertThat(unique.claim(UniqueKind.WORK_EMAIL, "taken@example.com", "m2")).isFalse();
        command.rollback(new IllegalStateException("duplicate work email"));

        assertThat(unique.ownerOf(UniqueKind.USER_ID, "grace")).isEmpty();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "taken@example.com")).as("the other owner's claim stays")
                .contains("m1");
    }

    @Test
    void releasesWaitForTheCommitAndVanishOnRollback() {
        unique.claim(UniqueKind.WORK_EMAIL, "old@example.com", "m1");

        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        unique.claim(UniqueKind.WORK_EMAIL, "new@example.com", "m1");
        unique.release(UniqueKind.WORK_EMAIL, "old@example.com", "m1");
        rolledBack.rollback();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@example.com")).contains("m1");
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "new@example.com")).isEmpty();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        unique.claim(UniqueKind.WORK_EMAIL, "new@example.com", "m1");
        unique.release(UniqueKind.WORK_EMAIL, "old@example.com", "m1");
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@example.com")).as("held until the commit").contains("m1");
        committed.commit();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@example.com")).isEmpty();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "new@example.com")).contains("m1");
    }

    /**
     * A member's entry in the manager graph moves from one manager to another in one command: the old entry is
     * released and the same value claimed for the new manager (MemberLookupTable.moveManagerClaim).
     */
    @Test
    void aValueReleasedAndClaimedForAnotherOwnerInOneUnitOfWorkHasTheNewOwnerAfterTheCommit() {
        unique.claim(UniqueKind.MANAGER, "m1", "boss-b");

        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        unique.release(UniqueKind.MANAGER, "m1", "boss-b");
        assertThat(unique.claim(UniqueKind.MANAGER, "m1", "boss-c")).isTrue();
        rolledBack.rollback();
        assertThat(unique.ownerOf(UniqueKind.MANAGER, "m1")).as("a rolled-back move changes nothing").contains("boss-b");

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        unique.release(UniqueKind.MANAGER, "m1", "boss-b");
        assertThat(unique.claim(UniqueKind.MANAGER, "m1", "boss-c")).isTrue();
        committed.commit();
        assertThat(unique.ownerOf(UniqueKind.MANAGER, "m1")).contains("boss-c");
    }

    @Test
    void concurrentClaimsOfOneValueHaveOneWinner() throws Exception {
        int contenders = 8;
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String owner = "m" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return unique.claim(UniqueKind.USER_ID, "same", owner);
                };
                results.add(threads.submit(claim));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theTransactionalDefaultRefusesAServerWithoutTransactions() {
        assertThatThrownBy(() -> new MongoStorageConfiguration().mongoTransactionManager(factory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replica set")
                .hasMessageContaining(MongoStorageConfiguration.TRANSACTIONS_PROPERTY + "=false");
    }
}

package com.memberdirectory.eventstore;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionSystemException;

import java.sql.Connection;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group-commit bus against a real HSQLDB: many commands share one transaction, yet each keeps the
 * all-or-nothing outcome it had with a transaction of its own, and nobody is answered before the disk has it.
 */
class GroupCommitCommandBusTest {

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private GroupCommitCommandBus bus;
    private CommandGateway gateway;
    private final AtomicInteger cacheCleared = new AtomicInteger();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:group-commit-" + UUID.randomUUID() + ";hsqldb.tx=mvcc", "SA", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE claims (claim VARCHAR(100) PRIMARY KEY, owner VARCHAR(100))");
        transactions = new DataSourceTransactionManager(dataSource);
        transactions.setRollbackOnCommitFailure(true);
        start(transactions);
    }

    private void start(org.springframework.transaction.PlatformTransactionManager batchTransactions) {
        SimpleCommandBus handling = SimpleCommandBus.builder()
                .transactionManager(new SavepointTransactionManager(transactions))
                .build();
        handling.subscribe(Claim.class.getName(), message -> {
            Claim claim = (Claim) message.getPayload();
            connections.put(claim.owner(), DataSourceUtils.getConnection(dataSource));
            if (claim.hold()) {
                holding.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            for (String value : claim.values()) {
                jdbc.update("INSERT INTO claims (claim, owner) VALUES (?, ?)", value, claim.owner());
            }
            if (claim.abortTransaction()) {
                throw new SQLTransactionRollbackException("serialization failure", "40001");
            }
            return claim.owner();
        });
        bus = new GroupCommitCommandBus(handling, batchTransactions, cacheCleared::incrementAndGet, 64);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        bus.close();
    }

    @Test
    void commands_from_many_callers_are_all_applied_and_answered() {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(gateway.send(new Claim("owner-" + i, List.of("value-" + i))));
        }
        answers.forEach(CompletableFuture::join);
        assertThat(answers).extracting(CompletableFuture::join).hasSize(200).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claims", Integer.class)).isEqualTo(200);
    }

    @Test
    void a_refused_command_undoes_only_its_own_writes_and_later_commands_see_earlier_ones() {
        CompletableFuture<String> held = holdTheWriter();
        CompletableFuture<String> first = gateway.send(new Claim("first", List.of("a@example.com", "b@example.com")));
        // Claims c@ and then a@, which the first command of the same batch already has: refused as a whole.
        CompletableFuture<String> second = gateway.send(new Claim("second", List.of("c@example.com", "a@example.com")));
        CompletableFuture<String> third = gateway.send(new Claim("third", List.of("c@example.com")));
        release.countDown();

        assertThat(held.join()).isEqualTo("held");
        assertThat(first.join()).isEqualTo("first");
        assertThatThrownBy(second::join).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(third.join()).isEqualTo("third");
        assertThat(connections.get("first")).as("one transaction for the batch").isSameAs(connections.get("third"));
        assertThat(jdbc.queryForList("SELECT claim || '=' || owner FROM claims ORDER BY claim", String.class))
                .containsExactly("a@example.com=first", "b@example.com=first", "c@example.com=third");
    }

    @Test
    void callers_are_answered_only_once_their_command_is_committed() throws Exception {
        CompletableFuture<String> held = holdTheWriter();
        CompletableFuture<Integer> visibleWhenAnswered = gateway.<String>send(new Claim("durable", List.of("d@example.com")))
                .thenApply(owner -> new JdbcTemplate(new DriverManagerDataSource(dataSource.getUrl(), "SA", ""))
                        .queryForObject("SELECT COUNT(*) FROM claims WHERE owner = ?", Integer.class, owner));
        release.countDown();
        held.join();
        assertThat(visibleWhenAnswered.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void when_the_database_abandons_the_transaction_the_whole_batch_fails_and_nothing_is_kept() {
        CompletableFuture<String> held = holdTheWriter();
        CompletableFuture<String> before = gateway.send(new Claim("before", List.of("e@example.com")));
        CompletableFuture<String> aborting = gateway.send(new Claim("aborting", List.of("f@example.com"), false, true));
        release.countDown();
        held.join();

        assertThatThrownBy(before::join).hasMessageContaining("abandoned the transaction");
        assertThatThrownBy(aborting::join).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claims WHERE owner IN ('before', 'aborting')", Integer.class)).isZero();
        assertThat(cacheCleared).hasPositiveValue();
    }

    @Test
    void when_the_batch_cannot_be_committed_every_caller_hears_it_and_the_cache_is_cleared() throws InterruptedException {
        bus.close();
        DataSourceTransactionManager failingCommits = new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
                throw new TransactionSystemException("disk full");
            }
        };
        failingCommits.setRollbackOnCommitFailure(true);
        start(failingCommits);
        CompletableFuture<String> one = gateway.send(new Claim("one", List.of("g@example.com")));
        assertThatThrownBy(one::join).hasRootCauseMessage("disk full");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claims", Integer.class)).isZero();
        assertThat(cacheCleared).hasPositiveValue();
    }

    @Test
    void when_no_transaction_can_be_opened_the_callers_hear_it_instead_of_waiting_forever() throws InterruptedException {
        bus.close();
        start(new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:hsqldb:hsql://localhost:1/nowhere", "SA", "")));
        CompletableFuture<String> answer = gateway.send(new Claim("unanswered", List.of("i@example.com")));
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThat(cacheCleared).hasPositiveValue();
    }

    @Test
    void after_close_a_command_is_refused_with_a_clear_answer() throws InterruptedException {
        bus.close();
        assertThatThrownBy(() -> gateway.sendAndWait(new Claim("late", List.of("h@example.com"))))
                .hasMessageContaining("stopping");
    }

    @Test
    void a_command_dispatched_by_a_command_handler_runs_at_once_in_its_unit_of_work() {
        SimpleCommandBus inner = SimpleCommandBus.builder().build();
        GroupCommitCommandBus nested = new GroupCommitCommandBus(inner, transactions, () -> { }, 8);
        try {
            CommandGateway nestedGateway = DefaultCommandGateway.builder().commandBus(nested).build();
            inner.subscribe(String.class.getName(), message -> "inner:" + message.getPayload());
            inner.subscribe(Integer.class.getName(), message -> nestedGateway.sendAndWait("from-handler"));
            assertThat((String) nestedGateway.sendAndWait(1)).isEqualTo("inner:from-handler");
        } finally {
            try {
                nested.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends a command that keeps the writer busy until {@link #release}, so what follows queues up as one batch. */
    private CompletableFuture<String> holdTheWriter() {
        CompletableFuture<String> held = gateway.send(new Claim("held", List.of(), true, false));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return held;
    }

    record Claim(String owner, List<String> values, boolean hold, boolean abortTransaction) {
        Claim(String owner, List<String> values) {
            this(owner, values, false, false);
        }
    }
}

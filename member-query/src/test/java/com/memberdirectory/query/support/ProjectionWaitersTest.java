package com.memberdirectory.query.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionWaitersTest {

    /** A read model of (id → version) that counts how often it is read. */
    private final Map<String, Long> store = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final ProjectionWaiters<Long> waiters = new ProjectionWaiters<>("test");

    private Supplier<Long> read(String id) {
        return () -> {
            reads.incrementAndGet();
            return store.get(id);
        };
    }

    private CompletableFuture<Long> awaitVersion(String id, long version) {
        return waiters.await(id, version, read(id), v -> v);
    }

    private void project(String id, long version) {
        store.put(id, version);
        waiters.storedUpTo(id, version);
        waiters.projected(Map.of(id, version));
    }

    @Test
    void a_version_already_stored_is_answered_at_once_from_the_store() {
        project("m1", 3);

        CompletableFuture<Long> answer = awaitVersion("m1", 3);

        assertThat(answer).isCompletedWithValue(3L);
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_version_the_projection_has_not_reached_is_answered_by_the_projection_without_reading_the_store() {
        project("m1", 3);

        CompletableFuture<Long> answer = awaitVersion("m1", 4);
        assertThat(answer).isNotDone();
        project("m1", 4);

        assertThat(answer).isCompletedWithValue(4L);
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_document_this_instance_has_no_record_of_is_read_from_the_store() {
        store.put("m1", 7L); // stored by another instance

        assertThat(awaitVersion("m1", 7)).isCompletedWithValue(7L);
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_waiter_the_projection_did_not_wake_is_found_by_the_periodic_recheck() {
        project("m1", 3);
        CompletableFuture<Long> answer = awaitVersion("m1", 4);

        store.put("m1", 4L); // e.g. stored by another instance that took over the projection

        await().atMost(Duration.ofSeconds(5)).until(answer::isDone);
        assertThat(answer).isCompletedWithValue(4L);
    }

    @Test
    void no_wait_is_lost_when_writes_and_projection_race_even_without_the_periodic_recheck() throws Exception {
        ProjectionWaiters<Long> racing = new ProjectionWaiters<>("race", Duration.ofHours(1));
        java.util.concurrent.BlockingQueue<Map.Entry<String, Long>> written = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread projection = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Map.Entry<String, Long> write = written.take();
                    store.put(write.getKey(), write.getValue());
                    racing.storedUpTo(write.getKey(), write.getValue());
                    racing.projected(Map.of(write.getKey(), write.getValue()));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        projection.start();
        try {
            java.util.List<CompletableFuture<Void>> clients = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String id = "member-" + c;
                clients.add(CompletableFuture.runAsync(() -> {
                    for (long version = 1; version <= 2_000; version++) {
                        written.add(Map.entry(id, version));
                        long expected = version;
                        Long answer = racing.await(id, version, read(id), v -> v).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
                        assertThat(answer).isGreaterThanOrEqualTo(expected);
                    }
                }, java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            projection.interrupt();
        }
    }

    @Test
    void after_too_many_documents_the_record_starts_over_and_the_store_is_read_again() {
        project("m1", 3);
        for (int i = 0; i < ProjectionWaiters.REMEMBERED; i++) {
            waiters.storedUpTo("other-" + i, 1);
        }
        store.put("m1", 4L);

        assertThat(awaitVersion("m1", 4)).isCompletedWithValue(4L);
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_waiter_whose_version_never_comes_gives_up_and_is_no_longer_read() throws Exception {
        ProjectionWaiters<Long> patient = new ProjectionWaiters<>("give-up", Duration.ofMillis(20), null, null,
                Duration.ofMillis(200));
        CompletableFuture<Long> never = patient.await("m", 5, read("m"), v -> v);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(never::isDone);
        assertThat(never).isCompletedExceptionally();
        assertThat(patient.hasWaiters()).isFalse();
        int readsAfterGivingUp = reads.get();
        Thread.sleep(100);
        assertThat(reads.get()).as("the re-check no longer reads it").isEqualTo(readsAfterGivingUp);
        patient.close();
    }

    @Test
    void closing_stops_the_re_checks_and_tells_whoever_still_waits() {
        ProjectionWaiters<Long> closing = new ProjectionWaiters<>("close", Duration.ofMillis(20));
        CompletableFuture<Long> waiting = closing.await("m", 5, read("m"), v -> v);
        closing.close();
        assertThat(waiting).isCompletedExceptionally();
        assertThat(closing.hasWaiters()).isFalse();
        int readsAfterClosing = reads.get();
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        assertThat(reads.get()).isEqualTo(readsAfterClosing);
    }
}

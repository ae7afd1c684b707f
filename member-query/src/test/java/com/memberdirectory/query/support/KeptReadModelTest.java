package com.memberdirectory.query.support;

import com.memberdirectory.query.jobs.JobStorage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class KeptReadModelTest {

    private static final JobStorage EMBEDDED = JobStorage.of(() -> { }, true);
    private static final JobStorage SHARED = JobStorage.of(() -> { }, false);

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<String> stored = new AtomicReference<>("first");

    private String read() {
        reads.incrementAndGet();
        return stored.get();
    }

    @Test
    void a_store_of_its_own_is_read_once_until_its_projection_writes() {
        KeptReadModel<String> kept = KeptReadModel.of(EMBEDDED, Duration.ZERO, this::read);
        assertThat(kept.kept()).isTrue();
        assertThat(kept.get()).isEqualTo("first");
        assertThat(kept.get()).isEqualTo("first");
        assertThat(reads).hasValue(1);

        stored.set("second");
        kept.changed();
        assertThat(kept.get()).isEqualTo("second");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(reads).hasValue(2);
    }

    @Test
    void what_was_read_while_a_change_was_being_stored_is_not_used_once_the_change_is_announced() {
        AtomicReference<KeptReadModel<String>> model = new AtomicReference<>();
        KeptReadModel<String> kept = KeptReadModel.of(EMBEDDED, Duration.ZERO, () -> {
            String before = read();
            // the projection stores and announces its batch after this reader read the old value
            stored.set("second");
            if (reads.get() == 1) {
                model.get().changed();
            }
            return before;
        });
        model.set(kept);
        assertThat(kept.get()).isEqualTo("first");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(reads).hasValue(2);
    }

    @Test
    void while_its_projection_writes_every_question_reads_the_store_so_nothing_answered_after_a_write_shows_is_older() {
        KeptReadModel<String> kept = KeptReadModel.of(EMBEDDED, Duration.ZERO, this::read);
        assertThat(kept.get()).isEqualTo("first");
        assertThat(reads).hasValue(1);

        kept.writing();
        // the store shows the write (a revocation): whoever waited for it is answered before the batch is over
        stored.set("second");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(reads).as("no copy used or kept while writing").hasValue(3);

        kept.written();
        assertThat(kept.get()).isEqualTo("second");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(reads).as("kept again once the batch is over").hasValue(4);
    }

    @Test
    void a_copy_read_before_a_write_began_is_not_used_while_or_after_it() {
        AtomicReference<KeptReadModel<String>> model = new AtomicReference<>();
        KeptReadModel<String> kept = KeptReadModel.of(EMBEDDED, Duration.ZERO, () -> {
            String before = read();
            if (reads.get() == 1) {
                // this reader read the old value; then the projection began its write and the store showed it
                model.get().writing();
                stored.set("second");
            }
            return before;
        });
        model.set(kept);
        assertThat(kept.get()).isEqualTo("first");
        assertThat(kept.get()).as("while writing").isEqualTo("second");
        kept.written();
        assertThat(kept.get()).isEqualTo("second");
        assertThat(kept.get()).isEqualTo("second");
        assertThat(reads).hasValue(3);
    }

    @Test
    void a_store_shared_with_other_instances_is_read_every_time_without_a_maximum_age() {
        KeptReadModel<String> kept = KeptReadModel.of(SHARED, Duration.ZERO, this::read);
        assertThat(kept.kept()).isFalse();
        kept.get();
        stored.set("second");
        assertThat(kept.get()).as("written by another instance's projection, never announced here").isEqualTo("second");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_store_shared_with_other_instances_is_kept_only_for_its_maximum_age() throws InterruptedException {
        KeptReadModel<String> kept = KeptReadModel.of(SHARED, Duration.ofMillis(50), this::read);
        assertThat(kept.get()).isEqualTo("first");
        stored.set("second");
        Thread.sleep(120);
        assertThat(kept.get()).as("older than its maximum age: read again").isEqualTo("second");
    }

    @Test
    void an_unkept_read_model_reads_every_time() {
        KeptReadModel<String> kept = KeptReadModel.unkept(this::read);
        kept.get();
        kept.get();
        assertThat(reads).hasValue(2);
    }
}

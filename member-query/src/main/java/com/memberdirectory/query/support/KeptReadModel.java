package com.memberdirectory.query.support;

import com.memberdirectory.query.jobs.JobStorage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small read model (the administrators' grants, the department tree, the field catalog) kept in memory between
 * its changes, because nearly every request asks it: a provisioning client's grant on each SCIM call, the departments
 * of every scoped admin's request. Reading it from the read-model store each time cost a round trip through the
 * MongoDB driver per question.
 * <p>
 * Kept only while it cannot have changed unseen. When this process is the only one using the store
 * ({@link JobStorage#exclusive()}: the embedded default), its own projection is the read model's only writer and tells
 * it around each batch's writes (as its {@link DocumentBatch.Writes}), and a rebuild calls {@link #changed()} once it
 * switched collections, so the kept copy is never older than the collection. In MongoDB mode another instance's projection may write it: the copy
 * is then kept at most {@code sharedMaxAge} ({@link Duration#ZERO}: read every time).
 * <p>
 * A reader notes the count of changes before it reads and keeps what it read under that count, so a copy read while
 * a change was being stored is never used once the change is announced. And from the moment the projection is about
 * to write ({@link #writing()}) until its batch is over ({@link #written()}) no copy is used or kept at all: every
 * question reads the store. Otherwise a request answered as soon as the store shows a write (a revocation waited
 * for by its version) could be followed by one that still used the copy from before it.
 *
 * @param <T> the read model's in-memory form; treated as immutable
 */
public final class KeptReadModel<T> implements DocumentBatch.Writes {

    private final Supplier<T> read;
    /** Nanoseconds a copy may be used; negative: until the next change. */
    private final long maxAgeNanos;
    private final AtomicLong changes = new AtomicLong();
    /** Batches between {@link #writing()} and {@link #written()}. */
    private final AtomicInteger writes = new AtomicInteger();
    private volatile Copy<T> copy;

    private record Copy<T>(long changes, long readAt, T value) {
    }

    private KeptReadModel(Supplier<T> read, long maxAgeNanos) {
        this.read = read;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** Kept until changed if {@code storage} is this process's alone; otherwise for at most {@code sharedMaxAge}. */
    public static <T> KeptReadModel<T> of(JobStorage storage, Duration sharedMaxAge, Supplier<T> read) {
        return new KeptReadModel<>(read, storage.exclusive() ? -1 : sharedMaxAge.toNanos());
    }

    /** Never kept: each question reads the store (a rebuild's shadow projection, tests). */
    public static <T> KeptReadModel<T> unkept(Supplier<T> read) {
        return new KeptReadModel<>(read, 0);
    }

    /** Whether a copy is kept at all; when not, a caller may prefer a narrower question to the store. */
    public boolean kept() {
        return maxAgeNanos != 0;
    }

    public T get() {
        long seen = changes.get();
        if (writes.get() > 0) {
            return read.get();
        }
        long now = System.nanoTime();
        Copy<T> current = copy;
        if (current != null && current.changes == seen && (maxAgeNanos < 0 || now - current.readAt <= maxAgeNanos)) {
            return current.value;
        }
        T value = read.get();
        if (maxAgeNanos != 0) {
            copy = new Copy<>(seen, now, value);
        }
        return value;
    }

    /** The read model's collection was replaced: the next question reads it again. */
    public void changed() {
        changes.incrementAndGet();
        copy = null;
    }

    /** The projection is about to write documents: until {@link #written()}, every question reads the store. */
    @Override
    public void writing() {
        writes.incrementAndGet();
        changed();
    }

    /** The batch announced by {@link #writing()} is over, stored or failed: the next question reads the store again. */
    @Override
    public void written() {
        changed();
        writes.decrementAndGet();
    }
}

package com.memberdirectory.query.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Read-your-writes: a query that must reflect a write waits here until the projection reports that it has
 * stored the document at (at least) the written version. The projection of this instance wakes waiters at
 * once; a slow re-check covers writes projected by another instance sharing the same MongoDB.
 *
 * @param <T> what the waiting query answers
 */
public final class ProjectionWaiters<T> {

    private record Waiter<T>(long version, Supplier<T> read, java.util.function.ToLongFunction<T> versionOf,
                             CompletableFuture<T> result) {

        boolean tryComplete() {
            return tryComplete(read.get());
        }

        boolean tryComplete(T current) {
            if (current != null && versionOf.applyAsLong(current) >= version) {
                return result.complete(current);
            }
            return false;
        }
    }

    /**
     * A waiter gives up after this long: the HTTP side stops waiting after 30 s and answers 503, and nothing
     * else would ever remove a waiter whose version never comes (it would be read again every re-check).
     */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(35);

    /** How many documents' last stored versions are remembered (about 7 MB); beyond that the memory starts over. */
    static final int REMEMBERED = 50_000;

    private final Map<String, List<Waiter<T>>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Long> stored = new ConcurrentHashMap<>();
    private final ScheduledExecutorService recheck;
    private final String processingGroup;
    private final DeadLetteredSequences deadLetters;
    private final Duration giveUpAfter;

    public ProjectionWaiters(String name) {
        this(name, Duration.ofMillis(250));
    }

    /**
     * Waiters that give up at once, with a {@link ProjectionFailedException}, when an event of the awaited document
     * is dead-lettered in {@code processingGroup} (document ids are the aggregate ids the events are sequenced by).
     */
    public ProjectionWaiters(String name, String processingGroup, DeadLetteredSequences deadLetters) {
        this(name, Duration.ofMillis(250), processingGroup, deadLetters);
    }

    /** @param recheckEvery how often every waiter reads the store again (writes projected by another instance) */
    ProjectionWaiters(String name, Duration recheckEvery) {
        this(name, recheckEvery, null, null);
    }

    ProjectionWaiters(String name, Duration recheckEvery, String processingGroup, DeadLetteredSequences deadLetters) {
        this(name, recheckEvery, processingGroup, deadLetters, GIVE_UP_AFTER);
    }

    ProjectionWaiters(String name, Duration recheckEvery, String processingGroup, DeadLetteredSequences deadLetters,
                      Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        this.processingGroup = processingGroup;
        this.deadLetters = deadLetters;
        if (deadLetters != null) {
            deadLetters.subscribe(blocked -> {
                if (blocked.processingGroup().equals(processingGroup)) {
                    failIfStillBehind(blocked.sequenceId(), blocked);
                }
            });
        }
        this.recheck = Executors.newSingleThreadScheduledExecutor(daemonThreads("read-your-writes-" + name));
        recheck.scheduleWithFixedDelay(this::recheckAll, recheckEvery.toMillis(), recheckEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Completes with what {@code read} answers once its version reaches {@code version}.
     */
    public CompletableFuture<T> await(String id, long version, Supplier<T> read,
                                      java.util.function.ToLongFunction<T> versionOf) {
        Waiter<T> waiter = new Waiter<>(version, read, versionOf, new CompletableFuture<>());
        // Added inside compute: a list emptied and dropped by remove() at the same moment must not take the waiter
        // along with it (it would never be woken, nor found by the re-check).
        waiting.compute(id, (k, list) -> {
            List<Waiter<T>> waiters = list == null ? new CopyOnWriteArrayList<>() : list;
            waiters.add(waiter);
            return waiters;
        });
        // The projection may have passed the version before the waiter was registered: read the store then, and
        // also when this instance has no record of the document (projected elsewhere, or forgotten). When the
        // projection has reported an older version, it has not got there yet and will wake the waiter itself —
        // it reports the version (storedUpTo) before it looks for waiters, and the waiter is registered before the
        // version is looked up here, so one of the two sides always sees the other.
        Long reported = stored.get(id);
        if (reported == null || reported >= version) {
            waiter.tryComplete();
        }
        if (!waiter.result().isDone() && deadLetters != null) {
            deadLetters.find(processingGroup, id).ifPresent(blocked -> failIfStillBehind(id, waiter, blocked));
        }
        waiter.result().orTimeout(giveUpAfter.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((value, error) -> remove(id, waiter));
        return waiter.result();
    }

    /**
     * Called by the projection for every document it stored, with the version stored, before it wakes waiters
     * ({@link #projected}); lets a query for a version not yet stored skip reading the store.
     */
    public void storedUpTo(String id, long version) {
        if (stored.size() >= REMEMBERED) {
            stored.clear();
        }
        stored.put(id, version);
    }

    /**
     * Called by the projection after it stored these values (id → what the waiting queries answer): waiters
     * are completed from them without reading the store again.
     */
    public void projected(Map<String, T> stored) {
        stored.forEach((id, value) -> {
            List<Waiter<T>> waiters = waiting.get(id);
            if (waiters != null) {
                waiters.forEach(waiter -> waiter.tryComplete(value));
            }
        });
    }

    /** Called by the projection after it stored these documents; waiters read them again. */
    public void projected(Iterable<String> ids) {
        for (String id : ids) {
            List<Waiter<T>> waiters = waiting.get(id);
            if (waiters != null) {
                waiters.forEach(Waiter::tryComplete);
            }
        }
    }

    /** Stops the re-checks with the application; whoever still waits is told the service is stopping. */
    public void close() {
        recheck.shutdownNow();
        waiting.values().forEach(list -> list.forEach(waiter -> waiter.result()
                .completeExceptionally(new IllegalStateException("The service is stopping"))));
        waiting.clear();
    }

    public boolean hasWaiters() {
        return !waiting.isEmpty();
    }

    private void recheckAll() {
        waiting.forEach((id, list) -> list.forEach(waiter -> {
            try {
                if (!waiter.tryComplete() && deadLetters != null) {
                    deadLetters.find(processingGroup, id).ifPresent(blocked -> failIfStillBehind(id, waiter, blocked));
                }
            } catch (RuntimeException e) {
                waiter.result().completeExceptionally(e);
            }
        }));
    }

    /** The document's events wait in the dead-letter queue: its waiters that the store does not satisfy give up. */
    private void failIfStillBehind(String id, DeadLetteredSequences.Blocked blocked) {
        List<Waiter<T>> waiters = waiting.get(id);
        if (waiters != null) {
            waiters.forEach(waiter -> failIfStillBehind(id, waiter, blocked));
        }
    }

    private void failIfStillBehind(String id, Waiter<T> waiter, DeadLetteredSequences.Blocked blocked) {
        try {
            if (waiter.tryComplete()) {
                return;
            }
        } catch (RuntimeException e) {
            waiter.result().completeExceptionally(e);
            return;
        }
        waiter.result().completeExceptionally(new ProjectionFailedException(blocked));
    }

    private void remove(String id, Waiter<T> waiter) {
        waiting.computeIfPresent(id, (k, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }
}

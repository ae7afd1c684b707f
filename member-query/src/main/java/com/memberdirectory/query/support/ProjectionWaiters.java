package com.memberdirectory.query.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
            T current = read.get();
            if (current != null && versionOf.applyAsLong(current) >= version) {
                return result.complete(current);
            }
            return false;
        }
    }

    private final Map<String, List<Waiter<T>>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService recheck;

    public ProjectionWaiters(String name) {
        this.recheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "read-your-writes-" + name);
            thread.setDaemon(true);
            return thread;
        });
        recheck.scheduleWithFixedDelay(this::recheckAll, 250, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * Completes with what {@code read} answers once its version reaches {@code version}.
     */
    public CompletableFuture<T> await(String id, long version, Supplier<T> read,
                                      java.util.function.ToLongFunction<T> versionOf) {
        Waiter<T> waiter = new Waiter<>(version, read, versionOf, new CompletableFuture<>());
        waiting.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(waiter);
        // The projection may have passed the version before the waiter was registered.
        waiter.tryComplete();
        waiter.result().whenComplete((value, error) -> remove(id, waiter));
        return waiter.result();
    }

    /**
     * Called by the projection after it stored these documents, as their views: waiters whose version is reached
     * complete with the view at once, without reading the document back from the store.
     */
    public void projected(Map<String, T> written) {
        written.forEach((id, view) -> {
            List<Waiter<T>> waiters = waiting.get(id);
            if (waiters != null) {
                waiters.forEach(waiter -> {
                    if (view != null && waiter.versionOf().applyAsLong(view) >= waiter.version()) {
                        waiter.result().complete(view);
                    }
                });
            }
        });
    }

    /** Called by the projection after it stored these documents. */
    public void projected(Iterable<String> ids) {
        for (String id : ids) {
            List<Waiter<T>> waiters = waiting.get(id);
            if (waiters != null) {
                waiters.forEach(Waiter::tryComplete);
            }
        }
    }

    private void recheckAll() {
        waiting.values().forEach(list -> list.forEach(waiter -> {
            try {
                waiter.tryComplete();
            } catch (RuntimeException e) {
                waiter.result().completeExceptionally(e);
            }
        }));
    }

    private void remove(String id, Waiter<T> waiter) {
        waiting.computeIfPresent(id, (k, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }
}

package com.memberdirectory.command.importing;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Work started in one order, finished in any order by parallel workers, and handed on in the order it was started:
 * what a worker finishes early waits until everything started before it has finished. At most {@code window} pieces
 * are started and not yet handed on — {@link #start} waits for room — so what waits is bounded however much work
 * there is (the undo's report rows, docs/undo.md).
 */
final class InOrder<T> {

    private final Semaphore room;
    private final Consumer<T> next;
    private final ArrayDeque<Integer> started = new ArrayDeque<>();
    private final Map<Integer, T> finished = new HashMap<>();

    /** @param next takes each piece in the order it was started; called by the worker that finished the piece due */
    InOrder(int window, Consumer<T> next) {
        this.room = new Semaphore(window);
        this.next = next;
    }

    /** Starts piece {@code number} (unique), once there is room for it. */
    void start(int number) {
        room.acquireUninterruptibly();
        synchronized (this) {
            started.add(number);
        }
    }

    /** Piece {@code number} has finished: hands it on, with every piece after it that was only waiting for it. */
    synchronized void finish(int number, T result) {
        finished.put(number, result);
        while (!started.isEmpty() && finished.containsKey(started.peekFirst())) {
            T due = finished.remove(started.pollFirst());
            room.release();
            next.accept(due);
        }
    }
}

package com.memberdirectory.kernel.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the service's own executors (timers, import and export workers, read-your-writes rechecks): daemon
 * threads, so that none of them keeps a stopping JVM alive (each executor is also shut down by its owner), named
 * after their pool so that a thread dump or a profile says whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code name}, then {@code name-2}, {@code name-3}, … for a pool of several. */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger made = new AtomicInteger();
        return task -> {
            int number = made.incrementAndGet();
            Thread thread = new Thread(task, number == 1 ? name : name + "-" + number);
            thread.setDaemon(true);
            return thread;
        };
    }
}

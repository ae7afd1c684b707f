package com.memberdirectory.app.notification;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs the scheduler that fires delivery deadlines — only when a bot is configured, so without one the
 * deadlines simply wait in their store and notifications stay PENDING. Starts after Axon (which the deadlines
 * need to load their sagas) and stops before it.
 */
class NotificationDeliveries implements SmartLifecycle {

    /** Deliveries under way at once in one process. */
    static final int THREADS = 4;

    private final Runnable startScheduler;
    private final Runnable stopScheduler;
    private final boolean botConfigured;
    private volatile boolean running;

    NotificationDeliveries(Runnable startScheduler, Runnable stopScheduler, boolean botConfigured) {
        this.startScheduler = startScheduler;
        this.stopScheduler = stopScheduler;
        this.botConfigured = botConfigured;
    }

    @Override
    public void start() {
        if (botConfigured) {
            startScheduler.run();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (botConfigured) {
            stopScheduler.run();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Often enough for retries to be on time, rarely enough not to busy the database for nothing. */
    static Duration pollingInterval(Duration retryInitialDelay) {
        Duration half = retryInitialDelay.dividedBy(2);
        if (half.compareTo(Duration.ofMillis(100)) < 0) {
            return Duration.ofMillis(100);
        }
        return half.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : half;
    }
}

package com.memberdirectory.app.notification;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the scheduler that fires delivery deadlines — only when a bot is configured, so without one the
 * deadlines simply wait in their table and notifications stay PENDING. Starts after Axon (which the deadlines
 * need to load their sagas) and stops before it.
 */
class NotificationDeliveries implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean botConfigured;
    private volatile boolean running;

    NotificationDeliveries(Scheduler scheduler, boolean botConfigured) {
        this.scheduler = scheduler;
        this.botConfigured = botConfigured;
    }

    @Override
    public void start() {
        if (botConfigured) {
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (botConfigured) {
            scheduler.stop();
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
}

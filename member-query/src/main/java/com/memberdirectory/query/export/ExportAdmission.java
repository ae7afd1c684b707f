package com.memberdirectory.query.export;

/**
 * How many exports may wait or run at once: each keeps its request (up to 200,000 member ids) until it ends
 * and two threads write them, so without a bound a handful of clients could fill the heap with queued
 * requests. A caller over a bound is told to come back later (429 with {@code Retry-After}).
 */
public final class ExportAdmission {

    /** Unfinished exports one admin may have. */
    public static final int PER_ADMIN = 3;
    /** Unfinished exports of everyone together. */
    public static final int IN_TOTAL = 12;
    /** What a refused caller is told to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private ExportAdmission() {
    }

    /** @throws ExportsBusy when another export would pass a bound */
    public static void check(long unfinishedOfAdmin, long unfinishedInTotal) {
        if (unfinishedOfAdmin >= PER_ADMIN) {
            throw new ExportsBusy("You have " + unfinishedOfAdmin + " exports still running; wait for one to finish.");
        }
        if (unfinishedInTotal >= IN_TOTAL) {
            throw new ExportsBusy("The directory is writing " + unfinishedInTotal + " exports; try again shortly.");
        }
    }

    /** An export refused for now: too many are unfinished. */
    public static final class ExportsBusy extends RuntimeException {

        public ExportsBusy(String message) {
            super(message);
        }

        public int retryAfterSeconds() {
            return RETRY_AFTER_SECONDS;
        }
    }
}

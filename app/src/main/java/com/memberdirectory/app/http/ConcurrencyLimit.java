package com.memberdirectory.app.http;

import java.util.concurrent.Semaphore;

/**
 * At most so many of one kind of expensive request at once; one more is refused at once (429 with
 * {@code Retry-After}) instead of waiting, so such requests can neither pile up in the heap nor hold every request
 * thread.
 */
public final class ConcurrencyLimit {

    private final String code;
    private final String what;
    private final int permits;
    private final int retryAfterSeconds;
    private final Semaphore free;

    /**
     * @param code the problem code of a refusal, e.g. {@code too_many_as_of_reads}
     * @param what what is limited, as a refusal names it, e.g. "lists of the directory as it was"
     */
    public ConcurrencyLimit(String code, String what, int permits, int retryAfterSeconds) {
        this.code = code;
        this.what = what;
        this.permits = permits;
        this.retryAfterSeconds = retryAfterSeconds;
        this.free = new Semaphore(permits);
    }

    /** @throws TooBusy when {@code permits} such requests are already running */
    public Permit enter() {
        if (!free.tryAcquire()) {
            throw new TooBusy(code, "The service is computing " + permits + " " + what + " (at most " + permits
                    + " at once); try again in " + retryAfterSeconds + " s.", retryAfterSeconds);
        }
        return new Permit();
    }

    /** Held while the request runs; closing it (once) lets the next one in. */
    public final class Permit implements AutoCloseable {

        private boolean closed;

        private Permit() {
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                free.release();
            }
        }
    }

    /** A request refused for now: too many of its kind are running. */
    public static final class TooBusy extends RuntimeException {

        private final String code;
        private final int retryAfterSeconds;

        public TooBusy(String code, String message, int retryAfterSeconds) {
            super(message);
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public String code() {
            return code;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

package com.memberdirectory.query.jobs;

/**
 * What background jobs (exports, replays) need to know about the store their records live in.
 */
public interface JobStorage {

    /**
     * Makes every write so far survive a {@code kill -9}: called before a job's acceptance is answered. The embedded
     * read-model store writes to its file about once a second in the background; MongoDB writes with majority
     * write concern and needs nothing more.
     */
    void makeDurable();

    /**
     * Whether this process is the only one using the store (the embedded default holds its data folder with an OS
     * lock). Then a job marked running by an earlier process was interrupted, and is taken over at once; otherwise
     * only once its runner has stopped renewing its lease.
     */
    boolean exclusive();

    static JobStorage of(Runnable makeDurable, boolean exclusive) {
        return new JobStorage() {
            @Override
            public void makeDurable() {
                makeDurable.run();
            }

            @Override
            public boolean exclusive() {
                return exclusive;
            }
        };
    }
}

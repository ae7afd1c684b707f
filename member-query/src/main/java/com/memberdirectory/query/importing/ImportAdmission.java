package com.memberdirectory.query.importing;

import com.memberdirectory.kernel.importing.UnfinishedImports;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How many imports may wait or run at once, dry runs included. Imports run one after another and each keeps its
 * uploaded file until it ends, so without a bound one admin could queue uploads faster than they run. Counted are
 * the queued and running imports of the import history ({@code unfinished}, durable) and the uploads this process
 * is receiving and has not queued yet (an upload is admitted before its body is read, and the history shows it only
 * once it is queued). An upload is briefly counted twice, queued and still in progress; that errs on the safe side.
 */
public final class ImportAdmission {

    /** What a refused caller is told to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final int perAdmin;
    private final int inTotal;
    private final Function<String, UnfinishedImports> unfinished;
    private final Map<String, Integer> uploading = new HashMap<>();
    private int uploadingInTotal;

    /**
     * @param unfinished the queued and running imports of an admin and of everyone (the import history)
     */
    public ImportAdmission(int perAdmin, int inTotal, Function<String, UnfinishedImports> unfinished) {
        this.perAdmin = perAdmin;
        this.inTotal = inTotal;
        this.unfinished = unfinished;
    }

    /**
     * Admits one more upload by {@code admin}, to be {@link Upload#close() closed} once it is queued (or refused).
     *
     * @throws ImportsBusy when it would pass a bound
     */
    public synchronized Upload admit(String admin) {
        UnfinishedImports counted = unfinished.apply(admin);
        long ofAdmin = counted.ofAdmin() + uploading.getOrDefault(admin, 0);
        long all = counted.inTotal() + uploadingInTotal;
        if (ofAdmin >= perAdmin) {
            throw new ImportsBusy("You have " + ofAdmin + " imports queued or running (at most " + perAdmin
                    + "); wait for one to finish.");
        }
        if (all >= inTotal) {
            throw new ImportsBusy("The directory has " + all + " imports queued or running (at most " + inTotal
                    + "); try again shortly.");
        }
        uploading.merge(admin, 1, Integer::sum);
        uploadingInTotal++;
        return new Upload(admin);
    }

    private synchronized void done(String admin) {
        uploading.computeIfPresent(admin, (a, n) -> n == 1 ? null : n - 1);
        uploadingInTotal--;
    }

    /** An admitted upload; closing it (once it is queued, or refused) stops counting it as in progress. */
    public final class Upload implements AutoCloseable {

        private final String admin;
        private boolean closed;

        private Upload(String admin) {
            this.admin = admin;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                done(admin);
            }
        }
    }

    /** An upload refused for now: too many imports are queued or running. */
    public static final class ImportsBusy extends RuntimeException {

        public ImportsBusy(String message) {
            super(message);
        }

        public int retryAfterSeconds() {
            return RETRY_AFTER_SECONDS;
        }
    }
}

package com.memberdirectory.command.importing;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Keeps a tracking processor's claim on a segment alive while one of its handlers runs for longer than the token
 * store's claim timeout.
 * <p>
 * Why: Axon's {@code TrackingEventProcessor} extends its claim only between batches (and stores its token, which
 * extends it too, at the end of a batch). An import's handler blocks the processor's thread for the whole run —
 * minutes for a large workbook. Once the claim timeout (Axon's default 10 s) has passed, an instance sharing the
 * token store (MongoDB mode) may claim the segment and run the same import a second time, side by side with the
 * first. While a run lasts, this extends the claim every third of the claim timeout, as the processor itself would
 * between batches ({@link TokenStore#extendClaim}: refused when another node owns the segment).
 * <p>
 * If an extension fails — another instance owns the segment, or the store could not be reached, so the claim may
 * run out — the run is asked to {@link RunStop stop} before it applies another row; its handler then fails, the
 * processor lets go of the segment and tries again later, and whoever holds the segment resumes the import.
 */
public final class SegmentClaims implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmentClaims.class);

    private final TokenStore tokens;
    private final String processor;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("segment-claims"));

    /**
     * @param tokens       the token store of the processor named {@code processor}
     * @param claimTimeout that token store's claim timeout
     */
    public SegmentClaims(TokenStore tokens, String processor, Duration claimTimeout) {
        this.tokens = tokens;
        this.processor = processor;
        this.every = claimTimeout.dividedBy(3);
        if (every.isZero()) {
            throw new IllegalArgumentException("A claim timeout of " + claimTimeout + " is too short to be kept");
        }
    }

    /** How often a kept claim is extended: a third of the claim timeout. */
    public Duration every() {
        return every;
    }

    /**
     * Extends the claim on {@code segment} every {@link #every()} until the answer is closed; on the first extension
     * that fails, {@code stop} is asked to stop the run and nothing is extended any more.
     */
    public Kept keep(int segment, RunStop stop) {
        ScheduledFuture<?> task = timer.scheduleWithFixedDelay(() -> {
            if (stop.requested()) {
                return; // stopped: the claim is not ours to keep any more
            }
            try {
                tokens.extendClaim(processor, segment);
            } catch (RuntimeException e) {
                log.warn("Could not extend the claim on segment {} of {}; the run stops before its next row and the"
                        + " segment's next holder resumes it", segment, processor, e);
                stop.stop("the claim on segment " + segment + " of " + processor + " could not be extended ("
                        + e.getMessage() + ")");
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** A claim being kept; closing stops extending it. */
    @FunctionalInterface
    public interface Kept extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

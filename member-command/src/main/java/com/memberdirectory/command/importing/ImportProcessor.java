package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportUndoQueued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Runs queued imports and undos of imports, one at a time, in the background. Its tracking token moves past an import only when
 * the run has finished, so an import interrupted by a crash is found again at the next start and resumed
 * (rows already applied are skipped: see {@link ImportMarks}).
 * <p>
 * Exactly one instance runs an import even when several share the store (MongoDB mode): the processor's one segment
 * is claimed in the token store, and while a run blocks the processor's thread — longer than the claim timeout, which
 * Axon's processor only extends between batches — {@link SegmentClaims} keeps the claim alive. Should it fail to, the
 * run stops before its next row ({@link RunStop}) and the segment's next holder resumes the import.
 */
@ProcessingGroup(ImportProcessor.PROCESSING_GROUP)
public class ImportProcessor {

    public static final String PROCESSING_GROUP = "imports";
    /**
     * Where Axon's {@code TrackingEventProcessor} (4.x) keeps the segment of the batch being handled: a resource of
     * the batch's unit of work, named after the processor (no handler parameter resolves the segment itself).
     */
    static final String SEGMENT_RESOURCE = "Processor[" + PROCESSING_GROUP + "]/SegmentId";
    /** How long a stopping service waits for a run to hand back after asking it to stop (rows in flight finish). */
    private static final long STOP_WAIT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);

    private final ImportRunner runner;
    private final UndoRunner undoRunner;
    private final SegmentClaims claims;
    // The run happens on its own thread: outside this handler's unit of work, every row commits on its own.
    private final ExecutorService thread = Executors.newSingleThreadExecutor(daemonThreads("import-runner"));

    public ImportProcessor(ImportRunner runner, UndoRunner undoRunner, SegmentClaims claims) {
        this.runner = runner;
        this.undoRunner = undoRunner;
        this.claims = claims;
    }

    @EventHandler
    void on(ImportQueued event, UnitOfWork<?> batch) throws InterruptedException, ExecutionException {
        run(batch, "import " + event.importId(), stop -> runner.run(event, stop));
    }

    /** The undo of an import (docs/undo.md): queued, run and resumed after a crash as an import is. */
    @EventHandler
    void on(ImportUndoQueued event, UnitOfWork<?> batch) throws InterruptedException, ExecutionException {
        run(batch, "undo " + event.undoId() + " of import " + event.importId(), stop -> undoRunner.run(event, stop));
    }

    private void run(UnitOfWork<?> batch, String what, Consumer<RunStop> job) throws InterruptedException, ExecutionException {
        RunStop stop = new RunStop();
        Integer segment = batch == null ? null : batch.getResource(SEGMENT_RESOURCE);
        if (segment == null) {
            log.warn("Running {} without keeping the claim of its segment: the processor named no segment", what);
        } else {
            log.info("Running {} (segment {} of {}, its claim extended every {} ms)", what, segment, PROCESSING_GROUP,
                    claims.every().toMillis());
        }
        try (SegmentClaims.Kept kept = segment == null ? () -> { } : claims.keep(segment, stop)) {
            Future<?> run = thread.submit(() -> job.accept(stop));
            try {
                run.get();
            } catch (InterruptedException e) {
                // The processor is stopping and lets go of the segment: the run must not go on applying rows after.
                stop.stop("the service is stopping");
                try {
                    run.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | InterruptedException ignored) {
                    // it stopped (or did not in time); the import is resumed where it stands either way
                }
                throw e;
            }
        }
    }
}

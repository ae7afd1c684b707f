package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportUndoQueued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs queued imports and undos of imports, one at a time, in the background. Its tracking token moves past an import only when
 * the run has finished, so an import interrupted by a crash is found again at the next start and resumed
 * (rows already applied are skipped: see {@link ImportMarks}).
 */
@ProcessingGroup(ImportProcessor.PROCESSING_GROUP)
public class ImportProcessor {

    public static final String PROCESSING_GROUP = "imports";

    private final ImportRunner runner;
    private final UndoRunner undoRunner;
    // The run happens on its own thread: outside this handler's unit of work, every row commits on its own.
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-runner");
        t.setDaemon(true);
        return t;
    });

    public ImportProcessor(ImportRunner runner, UndoRunner undoRunner) {
        this.runner = runner;
        this.undoRunner = undoRunner;
    }

    @EventHandler
    void on(ImportQueued event) throws InterruptedException, ExecutionException {
        Future<?> run = thread.submit(() -> runner.run(event));
        run.get();
    }

    /** The undo of an import (docs/undo.md): queued, run and resumed after a crash as an import is. */
    @EventHandler
    void on(ImportUndoQueued event) throws InterruptedException, ExecutionException {
        Future<?> run = thread.submit(() -> undoRunner.run(event));
        run.get();
    }
}

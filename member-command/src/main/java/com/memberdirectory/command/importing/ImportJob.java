package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.importing.DestroyPasswordFile;
import com.memberdirectory.kernel.importing.FinishImport;
import com.memberdirectory.kernel.importing.ImportFinished;
import com.memberdirectory.kernel.importing.ImportProgressed;
import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportRunStarted;
import com.memberdirectory.kernel.importing.PasswordFileDestroyed;
import com.memberdirectory.kernel.importing.QueueImport;
import com.memberdirectory.kernel.importing.RecordImportProgress;
import com.memberdirectory.kernel.importing.StartImportRun;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportUndoQueued;
import com.memberdirectory.kernel.importing.QueueUndo;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One import, recorded so that it survives a crash: queued on upload, run (and re-run after a restart) in
 * the background, finished with its counts and files. The password file can be handed out once. The undo of an
 * import (docs/undo.md) is a job of the same kind.
 */
@Aggregate
public class ImportJob {

    @AggregateIdentifier
    private String importId;
    private String admin;
    private boolean finished;
    private boolean passwordFile;
    private long processedRows;
    /** For the undo of an import (docs/undo.md): the import it undoes. */
    private String undoOf;
    private boolean dryRun;

    protected ImportJob() {
        // for Axon
    }

    @CommandHandler
    public ImportJob(QueueImport command) {
        apply(new ImportQueued(command.importId(), command.admin(), command.fileName(), command.fileId(), command.dryRun(),
                command.departmentScope()));
    }

    /**
     * The undo of a finished import (docs/undo.md), a job of its own. A second undo of the same import is refused
     * while the first is queued, running or done (it holds the import's undo claim in the lookup table); a dry run
     * claims nothing and may be repeated.
     */
    @CommandHandler
    public ImportJob(QueueUndo command, UniqueValues unique) {
        UndoAdmission.check(command);
        String importId = command.original().id();
        if (!command.dryRun() && !unique.claim(UniqueKind.IMPORT_ROW, UndoAdmission.claimKey(importId), command.undoId())) {
            throw new DomainRuleViolation(ErrorCode.ALREADY_UNDONE, "importId", "This import has been undone already (or its"
                    + " undo is under way): undoing it again would change nothing. Its undo is "
                    + unique.ownerOf(UniqueKind.IMPORT_ROW, UndoAdmission.claimKey(importId)).orElse("?") + ".");
        }
        apply(new ImportUndoQueued(command.undoId(), importId, command.admin(), command.original().fileName(),
                command.dryRun(), command.departmentScope()));
    }

    /** @return false when the import has already finished (a restart found its start again) */
    @CommandHandler
    public boolean handle(StartImportRun command) {
        if (finished) {
            return false;
        }
        apply(new ImportRunStarted(importId, command.totalRows()));
        return true;
    }

    @CommandHandler
    public void handle(RecordImportProgress command) {
        if (!finished && command.processedRows() > processedRows) {
            apply(new ImportProgressed(importId, command.processedRows()));
        }
    }

    /** An undo that FAILED gives up the import's undo claim: it may be asked for again (docs/undo.md). */
    @CommandHandler
    public void handle(FinishImport command, UniqueValues unique) {
        if (!finished) {
            if (undoOf != null && !dryRun && command.status() == ImportStatus.FAILED) {
                unique.release(UniqueKind.IMPORT_ROW, UndoAdmission.claimKey(undoOf), importId);
            }
            apply(new ImportFinished(importId, command.status(), command.counts(), command.errorReportId(),
                    command.previewId(), command.passwordFile(), command.message()));
        }
    }

    /** Only the importing admin, only once: afterwards the file is gone. */
    @CommandHandler
    public void handle(DestroyPasswordFile command) {
        if (!admin.equals(command.admin())) {
            throw new DomainRuleViolation(ErrorCode.NOT_FOUND, "importId", "There is no such import.");
        }
        if (!passwordFile) {
            throw new DomainRuleViolation(ErrorCode.GONE, "passwordFile",
                    "The password file has already been downloaded (or there is none); it can be downloaded only once.");
        }
        apply(new PasswordFileDestroyed(importId));
    }

    @EventSourcingHandler
    void on(ImportQueued event) {
        importId = event.importId();
        admin = event.admin();
    }

    @EventSourcingHandler
    void on(ImportUndoQueued event) {
        importId = event.undoId();
        admin = event.admin();
        undoOf = event.importId();
        dryRun = event.dryRun();
    }

    @EventSourcingHandler
    void on(ImportProgressed event) {
        processedRows = event.processedRows();
    }

    @EventSourcingHandler
    void on(ImportRunStarted event) {
        processedRows = 0;
    }

    @EventSourcingHandler
    void on(ImportFinished event) {
        finished = true;
        passwordFile = event.passwordFile();
    }

    @EventSourcingHandler
    void on(PasswordFileDestroyed event) {
        passwordFile = false;
    }
}

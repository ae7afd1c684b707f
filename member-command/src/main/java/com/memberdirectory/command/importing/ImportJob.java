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
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One import, recorded so that it survives a crash: queued on upload, run (and re-run after a restart) in
 * the background, finished with its counts and files. The password file can be handed out once.
 */
@Aggregate
public class ImportJob {

    @AggregateIdentifier
    private String importId;
    private String admin;
    private boolean finished;
    private boolean passwordFile;
    private long processedRows;

    protected ImportJob() {
        // for Axon
    }

    @CommandHandler
    public ImportJob(QueueImport command) {
        apply(new ImportQueued(command.importId(), command.admin(), command.fileName(), command.fileId(), command.dryRun(),
                command.departmentScope()));
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

    @CommandHandler
    public void handle(FinishImport command) {
        if (!finished) {
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

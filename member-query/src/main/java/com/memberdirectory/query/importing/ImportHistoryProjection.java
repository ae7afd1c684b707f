package com.memberdirectory.query.importing;

import com.memberdirectory.kernel.importing.ImportFinished;
import com.memberdirectory.kernel.importing.ImportProgressed;
import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportRunStarted;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportUndoQueued;
import com.memberdirectory.kernel.importing.PasswordFileDestroyed;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.List;

import java.time.Instant;

/** Each admin's imports (and undos of imports, docs/undo.md) with their status, progress, counts and files. */
@Component
@ProcessingGroup(ImportHistoryProjection.PROCESSING_GROUP)
class ImportHistoryProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.DIRECTORY;

    private final MongoTemplate mongo;
    private final ProjectionWaiters<ImportDocument> waiters;

    ImportHistoryProjection(MongoTemplate mongo, ProjectionWaiters<ImportDocument> importWaiters) {
        this.mongo = mongo;
        this.waiters = importWaiters;
    }

    @EventHandler
    void on(ImportQueued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        queued(current(event.importId(), sequence), event.admin(), event.fileName(), event.dryRun(), null, at);
    }

    @EventHandler
    void on(ImportUndoQueued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        queued(current(event.undoId(), sequence), event.admin(), event.fileName(), event.dryRun(), event.importId(), at);
    }

    private void queued(ImportDocument d, String admin, String fileName, boolean dryRun, String undoOf, Instant at) {
        if (d != null) {
            d.admin = admin;
            d.fileName = fileName;
            d.dryRun = dryRun;
            d.undoOf = undoOf;
            d.status = ImportStatus.QUEUED;
            d.startedAt = at;
            batch().save(d);
        }
    }

    @EventHandler
    void on(ImportRunStarted event, @SequenceNumber long sequence) {
        ImportDocument d = current(event.importId(), sequence);
        if (d != null) {
            d.status = ImportStatus.RUNNING;
            d.runs++;
            d.totalRows = event.totalRows();
            d.processedRows = 0;
            batch().save(d);
        }
    }

    @EventHandler
    void on(ImportProgressed event, @SequenceNumber long sequence) {
        ImportDocument d = current(event.importId(), sequence);
        if (d != null) {
            d.processedRows = Math.max(d.processedRows, event.processedRows());
            batch().save(d);
        }
    }

    @EventHandler
    void on(ImportFinished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ImportDocument d = current(event.importId(), sequence);
        if (d != null) {
            d.status = event.status();
            d.totalRows = event.counts().totalRows();
            d.processedRows = event.counts().processedRows();
            d.changedRows = event.counts().changedRows();
            d.unchangedRows = event.counts().unchangedRows();
            d.failedRows = event.counts().failedRows();
            d.errorReportId = event.errorReportId();
            d.previewId = event.previewId();
            d.passwordFileAvailable = event.passwordFile();
            d.message = event.message();
            d.finishedAt = at;
            batch().save(d);
        }
    }

    @EventHandler
    void on(PasswordFileDestroyed event, @SequenceNumber long sequence) {
        ImportDocument d = current(event.importId(), sequence);
        if (d != null) {
            d.passwordFileAvailable = false;
            batch().save(d);
        }
    }

    /** The import history's collection, for rebuilds (docs/rebuilds.md). */
    @Bean
    static ReadModel importsReadModel() {
        return new ReadModel("imports", PROCESSING_GROUP, List.of(ImportDocument.class),
                shadow -> new ImportHistoryProjection(shadow.mongo(), shadow.waiters()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ImportDocument.class);
    }

    private ImportDocument current(String id, long sequence) {
        ImportDocument d = batch().find(id);
        if (d == null) {
            d = new ImportDocument();
            d.id = id;
        } else if (d.version > sequence) {
            return null;
        }
        d.version = sequence + 1;
        return d;
    }

    private DocumentBatch<ImportDocument> batch() {
        return DocumentBatch.current(mongo, ImportDocument.class, d -> d.id, written -> waiters.projected(written.keySet()));
    }
}

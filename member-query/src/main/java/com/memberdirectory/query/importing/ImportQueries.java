package com.memberdirectory.query.importing;

import com.memberdirectory.kernel.importing.CountUnfinishedImports;
import com.memberdirectory.kernel.importing.FindAnyImport;
import com.memberdirectory.kernel.importing.FindImport;
import com.memberdirectory.kernel.importing.ImportList;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportView;
import com.memberdirectory.kernel.importing.ListImports;
import com.memberdirectory.kernel.importing.UnfinishedImports;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Each admin sees only their own imports. */
@Component
class ImportQueries {

    private final MongoTemplate mongo;
    private final ProjectionWaiters<ImportDocument> waiters;

    ImportQueries(MongoTemplate mongo, ProjectionWaiters<ImportDocument> importWaiters) {
        this.mongo = mongo;
        this.waiters = importWaiters;
    }

    @QueryHandler
    ImportList list(ListImports query) {
        Query select = Query.query(Criteria.where("admin").is(query.admin()))
                .with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(query.limit());
        return new ImportList(mongo.find(select, ImportDocument.class).stream().map(ImportDocument::toView).toList());
    }

    /** Waits until the import is in the history (read-your-writes after an upload). */
    @QueryHandler
    CompletableFuture<ImportView> find(FindImport query) {
        if (!query.awaitQueued()) {
            ImportDocument d = mongo.findById(query.importId(), ImportDocument.class);
            return CompletableFuture.completedFuture(d != null && d.admin.equals(query.admin()) ? d.toView() : null);
        }
        return waiters.await(query.importId(), 1, () -> mongo.findById(query.importId(), ImportDocument.class), d -> d.version)
                .thenApply(d -> d.admin.equals(query.admin()) ? d.toView() : null);
    }

    /** Whoever ran it: the undo's checks (docs/undo.md), which let the primary admin undo any admin's import. */
    @QueryHandler
    ImportView any(FindAnyImport query) {
        ImportDocument d = mongo.findById(query.importId(), ImportDocument.class);
        return d == null ? null : d.toView();
    }

    /**
     * From the import history, which follows the stored events: a restart neither forgets a queued import nor
     * keeps counting a finished one.
     */
    @QueryHandler
    UnfinishedImports unfinished(CountUnfinishedImports query) {
        Criteria unfinished = Criteria.where("status").in(List.of(ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name()));
        long inTotal = mongo.count(Query.query(unfinished), ImportDocument.class);
        long ofAdmin = inTotal == 0 ? 0
                : mongo.count(Query.query(Criteria.where("admin").is(query.admin()).andOperator(unfinished)), ImportDocument.class);
        return new UnfinishedImports(ofAdmin, inTotal);
    }
}

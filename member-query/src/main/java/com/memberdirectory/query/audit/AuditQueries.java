package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.audit.AuditEntry;
import com.memberdirectory.kernel.audit.AuditPage;
import com.memberdirectory.kernel.audit.AuditQuery;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.history.HistoryChanges;
import com.memberdirectory.query.search.IndexFreshness;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Answers auditors' questions over the change list. */
@Component
class AuditQueries {

    /** The most entries the change list is read without its index (docs/limits.md). */
    static final long MAX_SCANNED = 50_000;

    private final MongoTemplate mongo;
    private final HistoryChanges history;
    private final ChangeListIndex index;
    private final IndexFreshness freshness;
    private final long maxScanned;

    @Autowired
    AuditQueries(MongoTemplate mongo, FieldLabels labels, ChangeListIndex index, EventStore events) {
        this(mongo, labels, index, events, MAX_SCANNED);
    }

    /** @param maxScanned the most entries read without the index (a test's smaller limit) */
    AuditQueries(MongoTemplate mongo, FieldLabels labels, ChangeListIndex index, EventStore events, long maxScanned) {
        this.maxScanned = maxScanned;
        this.mongo = mongo;
        this.history = new HistoryChanges(labels);
        this.index = index;
        this.freshness = new IndexFreshness(events, index, "index of the change list",
                "the change list is read from its collection (every query reads all of it)");
    }

    /**
     * From the index of the change list once it has every change acknowledged before the question (as a list of
     * members waits for the search index); while it is being built, from the change list's collection, which every
     * filter and page then reads whole.
     */
    @QueryHandler
    AuditPage audit(AuditQuery query) throws InterruptedException {
        if (freshness.indexIsCurrent()) {
            ChangeListIndex.Page page = index.page(query);
            return new AuditPage(page.items().stream().map(this::entry).toList(), query.page(), query.size(), page.total());
        }
        long entries = mongo.getCollection(mongo.getCollectionName(AuditDocument.class)).estimatedDocumentCount();
        if (entries > maxScanned) {
            // the scan sorts every entry in the heap: at a million entries, more than the service has
            throw new DomainRuleViolation(ErrorCode.INDEX_BUILDING, "The change list's index is being built (" + entries
                    + " changes, more than the " + maxScanned + " read without it); try again in a minute.", List.of());
        }
        return scan(query);
    }

    private AuditPage scan(AuditQuery query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.from() != null || query.to() != null) {
            Criteria time = Criteria.where("occurredAt");
            if (query.from() != null) {
                time = time.gte(query.from());
            }
            if (query.to() != null) {
                time = time.lt(query.to());
            }
            filters.add(time);
        }
        if (query.actor() != null) {
            filters.add(Criteria.where("actor").is(query.actor()));
        }
        if (query.field() != null) {
            filters.add(Criteria.where("fields").is(query.field()));
        }
        if (query.memberId() != null) {
            filters.add(Criteria.where("memberId").is(query.memberId()));
        }
        if (query.source() != null) {
            filters.add(Criteria.where("source").regex("^" + Pattern.quote(query.source()) + "$", "i"));
        }
        if (query.memberIds() != null) {
            filters.add(Criteria.where("memberId").in(query.memberIds()));
        }
        Query select = filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(select, AuditDocument.class);
        long skip = (long) query.page() * query.size();
        if (skip >= total) {
            // Past the end: nothing to read (and no skip the store might take as an int).
            return new AuditPage(List.of(), query.page(), query.size(), total);
        }
        Sort.Direction direction = query.newestFirst() ? Sort.Direction.DESC : Sort.Direction.ASC;
        select.with(Sort.by(direction, "occurredAt", "sequence", "_id")).skip(skip).limit(query.size());
        List<AuditEntry> items = mongo.find(select, org.bson.Document.class, mongo.getCollectionName(AuditDocument.class))
                .stream().map(ChangeRecord::of).map(this::entry).toList();
        return new AuditPage(items, query.page(), query.size(), total);
    }

    private AuditEntry entry(ChangeRecord c) {
        return new AuditEntry(c.id(), c.memberId(), c.type(), c.occurredAt(), c.actor(), c.source(), c.correlationId(),
                history.labelled(c.changes()));
    }
}

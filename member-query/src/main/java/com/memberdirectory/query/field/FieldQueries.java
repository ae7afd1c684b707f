package com.memberdirectory.query.field;

import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.field.FieldList;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.field.FindField;
import com.memberdirectory.kernel.field.ListFields;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The field list of field management: the member record's built-in fields, then fields with values. */
@Component
class FieldQueries {

    private final MongoTemplate mongo;
    private final ProjectionWaiters<CatalogPosition> waiters;
    private final FieldLabels labels;

    FieldQueries(MongoTemplate mongo, ProjectionWaiters<CatalogPosition> fieldWaiters, FieldLabels labels) {
        this.mongo = mongo;
        this.waiters = fieldWaiters;
        this.labels = labels;
    }

    @QueryHandler
    FieldList list(ListFields query) {
        List<FieldView> items = new ArrayList<>(MemberFields.RECORD_FIELDS);
        items.addAll(labels.valueFields());
        return new FieldList(items);
    }

    /** Waits until the field reflects the catalog version a write answered (read-your-writes). */
    @QueryHandler
    CompletableFuture<FieldView> find(FindField query) {
        return waiters.await(CatalogPosition.ID, query.minVersion(),
                        () -> mongo.findById(CatalogPosition.ID, CatalogPosition.class), position -> position.version)
                .thenApply(position -> read(query.key()));
    }

    private FieldView read(String key) {
        FieldDocument document = mongo.findById(key, FieldDocument.class);
        return document == null ? null : document.toView();
    }
}

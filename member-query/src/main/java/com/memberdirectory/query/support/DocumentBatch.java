package com.memberdirectory.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The documents one projection touches while handling one batch of events. Several events of one document
 * are folded in memory and the batch is written with a single {@code bulkWrite} when the batch commits — the
 * in-process MongoDB stand-in is slow one write at a time and fast in bulk (see DESIGN.md, Storage).
 *
 * @param <D> the document type
 */
public final class DocumentBatch<D> {

    private final MongoTemplate mongo;
    private final Class<D> type;
    private final Function<D, String> idOf;
    private final Map<String, D> loaded = new LinkedHashMap<>();
    private final Map<String, D> dirty = new LinkedHashMap<>();

    private DocumentBatch(MongoTemplate mongo, Class<D> type, Function<D, String> idOf) {
        this.mongo = mongo;
        this.type = type;
        this.idOf = idOf;
    }

    /**
     * The batch of the unit of work being processed, created on first use; {@code afterCommit} receives the
     * documents written once they are stored.
     */
    @SuppressWarnings("unchecked")
    public static <D> DocumentBatch<D> current(MongoTemplate mongo, Class<D> type, Function<D, String> idOf,
                                               Consumer<Map<String, D>> afterCommit) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String key = DocumentBatch.class.getName() + "/" + type.getName();
        return (DocumentBatch<D>) root.getOrComputeResource(key, k -> {
            DocumentBatch<D> batch = new DocumentBatch<>(mongo, type, idOf);
            root.onPrepareCommit(u -> batch.flush());
            root.afterCommit(u -> afterCommit.accept(batch.dirty));
            return batch;
        });
    }

    /**
     * As {@link #current(MongoTemplate, Class, Function, Consumer)}, and when the batch is created, the documents
     * of all events of the unit of work ({@code idOfEvent}; null for events of other documents) are read with one
     * query instead of one {@code findById} per event.
     */
    public static <D> DocumentBatch<D> current(MongoTemplate mongo, Class<D> type, Function<D, String> idOf,
                                               Function<EventMessage<?>, String> idOfEvent,
                                               Consumer<Map<String, D>> afterCommit) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String key = DocumentBatch.class.getName() + "/" + type.getName();
        boolean created = !root.resources().containsKey(key);
        DocumentBatch<D> batch = current(mongo, type, idOf, afterCommit);
        if (created && root instanceof BatchingUnitOfWork<?> events) {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> message : events.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    String id = idOfEvent.apply(event);
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
            batch.prefetch(ids);
        }
        return batch;
    }

    private void prefetch(Set<String> ids) {
        if (ids.size() < 2) {
            return;
        }
        ids.forEach(id -> loaded.put(id, null));
        for (D document : mongo.find(Query.query(Criteria.where("_id").in(ids)), type)) {
            loaded.put(idOf.apply(document), document);
        }
    }

    /** The document as this batch sees it (including changes not yet written), or null. */
    public D find(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        D document = mongo.findById(id, type);
        loaded.put(id, document);
        return document;
    }

    public void save(D document) {
        String id = idOf.apply(document);
        loaded.put(id, document);
        dirty.put(id, document);
    }

    private void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        dirty.forEach((id, document) ->
                bulk.replaceOne(Query.query(Criteria.where("_id").is(id)), document, FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }
}

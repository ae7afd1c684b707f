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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The documents one projection touches while handling one batch of events. Several events of one document
 * are folded in memory and the batch is written with a single {@code bulkWrite} when the batch commits — the
 * in-process MongoDB stand-in is slow one write at a time and fast in bulk (docs/storage.md).
 *
 * @param <D> the document type
 */
public final class DocumentBatch<D> {

    /**
     * Told around the writes of a batch (a {@link KeptReadModel} kept in memory between them): before its first
     * document is written, and once the batch is over — after its {@code afterCommit}, or after it failed.
     */
    public interface Writes {

        /** Nobody is told. */
        Writes NONE = new Writes() {
            @Override
            public void writing() {
            }

            @Override
            public void written() {
            }
        };

        void writing();

        void written();

        /** A write outside a batch (a reset dropping the collection), told of as a batch's. */
        default void around(Runnable write) {
            writing();
            try {
                write.run();
            } finally {
                written();
            }
        }
    }

    private final MongoTemplate mongo;
    private final Class<D> type;
    private final Function<D, String> idOf;
    private final Map<String, D> loaded = new LinkedHashMap<>();
    private final Map<String, D> dirty = new LinkedHashMap<>();
    private final Map<String, D> written = new LinkedHashMap<>();
    /** Ids read at the batch's start and not stored: their documents are inserted, not upserted. */
    private final Set<String> absent = new java.util.HashSet<>();
    private final Writes writes;
    /** Whether {@link #writes} was told of a write, and must be told when the batch is over. */
    private boolean announced;

    /**
     * Events of a batch whose write failed as a whole (see {@link #isolate}): when the processor tries the batch
     * again, the documents these events change are written one by one as each event is handled, so the event whose
     * document cannot be stored fails in its own handler and is dead-lettered instead of failing the batch again.
     */
    private static final Set<String> ISOLATED = ConcurrentHashMap.newKeySet();
    private static final int MAX_ISOLATED = 100_000;
    private static final String DEAD_LETTER = "org.axonframework.messaging.deadletter.DeadLetter";

    private DocumentBatch(MongoTemplate mongo, Class<D> type, Function<D, String> idOf, Writes writes) {
        this.mongo = mongo;
        this.type = type;
        this.idOf = idOf;
        this.writes = writes;
    }

    /**
     * The batch of the unit of work being processed, created on first use; {@code afterCommit} receives the
     * documents written once they are stored.
     */
    public static <D> DocumentBatch<D> current(MongoTemplate mongo, Class<D> type, Function<D, String> idOf,
                                               Consumer<Map<String, D>> afterCommit) {
        return current(mongo, type, idOf, Writes.NONE, afterCommit);
    }

    /**
     * As {@link #current(MongoTemplate, Class, Function, Consumer)}, and {@code writes} is told before the batch's
     * first document is written and once the batch is over (after {@code afterCommit}, or after a failure).
     */
    @SuppressWarnings("unchecked")
    public static <D> DocumentBatch<D> current(MongoTemplate mongo, Class<D> type, Function<D, String> idOf,
                                               Writes writes, Consumer<Map<String, D>> afterCommit) {
        UnitOfWork<?> root = owner();
        String key = DocumentBatch.class.getName() + "/" + type.getName();
        return (DocumentBatch<D>) root.getOrComputeResource(key, k -> {
            DocumentBatch<D> batch = new DocumentBatch<>(mongo, type, idOf, writes);
            root.onPrepareCommit(u -> batch.flush());
            root.afterCommit(u -> {
                batch.written.putAll(batch.dirty);
                afterCommit.accept(batch.written);
                forgetIsolated(u);
            });
            root.onCleanup(u -> batch.over());
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
        UnitOfWork<?> root = owner();
        String key = DocumentBatch.class.getName() + "/" + type.getName();
        boolean created = !root.resources().containsKey(key);
        DocumentBatch<D> batch = current(mongo, type, idOf, afterCommit);
        if (created && root instanceof BatchingUnitOfWork<?> events) {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> message : events.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    String id;
                    try {
                        id = idOfEvent.apply(event);
                    } catch (RuntimeException unreadable) {
                        // an event that cannot be read fails in its own handler (and is dead-lettered there), not here
                        continue;
                    }
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
            batch.prefetch(ids);
        }
        return batch;
    }

    /**
     * The unit of work the batch belongs to: the processor's batch, or — when a dead letter is processed again —
     * the unit of work of that one letter, so that its documents are written (or fail) with the letter.
     */
    private static UnitOfWork<?> owner() {
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        for (UnitOfWork<?> u = current; u != null; u = u.parent().orElse(null)) {
            if (u.resources().containsKey(DEAD_LETTER)) {
                return u;
            }
        }
        return current.root();
    }

    /**
     * Called by the processors' error handler when a batch failed: its events are handled one document write at a
     * time when the batch is tried again.
     */
    public static void isolate(Iterable<? extends EventMessage<?>> events) {
        if (ISOLATED.size() > MAX_ISOLATED) {
            ISOLATED.clear();
        }
        events.forEach(event -> ISOLATED.add(event.getIdentifier()));
    }

    private static void forgetIsolated(UnitOfWork<?> unitOfWork) {
        if (!ISOLATED.isEmpty() && unitOfWork instanceof BatchingUnitOfWork<?> events) {
            events.getMessages().forEach(message -> ISOLATED.remove(message.getIdentifier()));
        }
    }

    private static boolean handlingIsolatedEvent() {
        if (ISOLATED.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        return message != null && ISOLATED.contains(message.getIdentifier());
    }

    private void prefetch(Set<String> ids) {
        if (ids.size() < 2) {
            return;
        }
        ids.forEach(id -> loaded.put(id, null));
        for (D document : mongo.find(Query.query(Criteria.where("_id").in(ids)), type)) {
            loaded.put(idOf.apply(document), document);
        }
        ids.stream().filter(id -> loaded.get(id) == null).forEach(absent::add);
    }

    /** The document as this batch sees it (including changes not yet written), or null. */
    public D find(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        D document = mongo.findById(id, type);
        loaded.put(id, document);
        if (document == null) {
            absent.add(id);
        }
        return document;
    }

    public void save(D document) {
        String id = idOf.apply(document);
        if (handlingIsolatedEvent()) {
            announce();
            try {
                mongo.findAndReplace(Query.query(Criteria.where("_id").is(id)), document,
                        FindAndReplaceOptions.options().upsert());
            } catch (RuntimeException e) {
                // forget the changed copy: the next event of this document reads what is stored
                loaded.remove(id);
                dirty.remove(id);
                throw e;
            }
            loaded.put(id, document);
            dirty.remove(id);
            absent.remove(id);
            written.put(id, document);
            return;
        }
        loaded.put(id, document);
        dirty.put(id, document);
    }

    private void announce() {
        if (!announced) {
            announced = true;
            writes.writing();
        }
    }

    private void over() {
        if (announced) {
            announced = false;
            writes.written();
        }
    }

    private void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        announce();
        // A document the batch found absent is inserted (one processor writes a collection, so it is still absent):
        // the in-process store inserts in a fraction of the time an upsert takes. Any other is replaced or upserted.
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        dirty.forEach((id, document) -> {
            if (absent.contains(id)) {
                bulk.insert(document);
            } else {
                bulk.replaceOne(Query.query(Criteria.where("_id").is(id)), document, FindAndReplaceOptions.options().upsert());
            }
        });
        bulk.execute();
    }
}

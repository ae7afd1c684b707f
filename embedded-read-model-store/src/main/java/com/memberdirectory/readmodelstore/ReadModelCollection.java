package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection: an MVStore map from each document's id (its position) to the document's BSON bytes.
 * <p>
 * A query that no index answers scans the whole map. While it runs, the store version it reads is registered as in
 * use, so the store's background compaction cannot free and reuse the pages the scan has still to read. (On
 * mongo-java-server's own H2 backend, which did not, an export of 200,000 members once failed with
 * {@code MVStoreException: Chunk … not found}, a known MVStore failure of long reads during compaction.)
 */
final class ReadModelCollection extends AbstractSynchronizedMongoCollection<Object> {

    private final MVStore store;
    private final MVMap<Object, byte[]> documents;

    ReadModelCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
                        MVStore store, MVMap<Object, byte[]> documents) {
        super(database, name, options, cursors);
        this.store = store;
        this.documents = documents;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = documents.putIfAbsent(Missing.ofNullable(key), BsonCodec.encodeDocument(document));
        if (previous != null) {
            throw new IllegalStateException("A document with id " + key + " already exists in " + getFullName());
        }
        return key;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonCodec.encodeDocument(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with id " + position + " in " + getFullName());
        }
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bytes = documents.get(position);
        return bytes == null ? null : BsonCodec.decodeDocument(bytes);
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    /** The documents' size is not kept up to date on every write (that cost two encodings per update); it is summed when asked for. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // not tracked: see tracksDataSize()
    }

    @Override
    protected int getDataSize() {
        long size = 0;
        for (byte[] document : documents.values()) {
            size += document.length;
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonCodec.decodeDocument(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            Stream<Document> all;
            if (isNaturalDescending(orderBy)) {
                all = streamAllDocumentsWithPosition()
                        .sorted((a, b) -> BsonValueType.ORDER.compare(b.getPosition(), a.getPosition()))
                        .map(DocumentWithPosition::getDocument);
            } else if (isIdAscending(orderBy) && (query.isEmpty() || idAfter(query) != null)) {
                // A page of a walk in id order ({_id: {$gt: last}} sorted by _id, limited): the map is kept in id
                // order, so it is read from just after the last id, and only as far as the page goes.
                return matchDocumentsFromStream(documentsAfter(query.isEmpty() ? null : idAfter(query)), new Document(),
                        null, skip, limit, batchSize, fieldSelector);
            } else {
                all = documents.values().stream().map(BsonCodec::decodeDocument);
            }
            return matchDocumentsFromStream(all, query, orderBy, skip, limit, batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    private boolean isIdAscending(Document orderBy) {
        return getIdField() != null && orderBy != null && orderBy.size() == 1
                && orderBy.get(getIdField()) instanceof Number direction && direction.intValue() == 1;
    }

    /** The id of {@code {_id: {$gt: id}}}, if the query is exactly that over a plain id; else null. */
    private Object idAfter(Document query) {
        if (query.size() != 1 || !(query.get(getIdField()) instanceof Document condition) || condition.size() != 1) {
            return null;
        }
        Object after = condition.get("$gt");
        return isPlainId(after) ? after : null;
    }

    /** The documents in id order, from just after {@code after} (from the first if null), read lazily. */
    private Stream<Document> documentsAfter(Object after) {
        Object from = after == null ? documents.firstKey() : documents.higherKey(after);
        if (from == null) {
            return Stream.empty();
        }
        Cursor<Object, byte[]> cursor = documents.cursor(from);
        Iterator<Document> following = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Document next() {
                cursor.next();
                return BsonCodec.decodeDocument(cursor.getValue());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(following, Spliterator.ORDERED), false);
    }

    /**
     * A query the id index answered. For {@code {_id: {$in: [...]}}} over plain ids the index has found exactly the
     * documents asked for, so they are not matched against the query again: mongo-java-server compares each
     * document with every listed id, which made reading members a thousand at a time (the export) quadratic — the
     * largest cost of an export in profiles.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int skip,
                                         int limit, int batchSize, Document fieldSelector) {
        if (!isPlainIdInQuery(query)) {
            return super.matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
        }
        Stream<Document> found = StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(found, new Document(), orderBy, skip, limit, batchSize, fieldSelector);
    }

    private boolean isPlainIdInQuery(Document query) {
        if (query.size() != 1 || getIdField() == null || !(query.get(getIdField()) instanceof Document condition)
                || condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> ids)) {
            return false;
        }
        return ids.stream().allMatch(ReadModelCollection::isPlainId);
    }

    /** An id the map's order and the id index compare as MongoDB does: a string, an ObjectId or a UUID. */
    private static boolean isPlainId(Object id) {
        return id instanceof String || id instanceof ObjectId || id instanceof UUID;
    }
}

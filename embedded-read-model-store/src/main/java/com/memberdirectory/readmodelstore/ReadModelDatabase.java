package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

import java.util.List;

/**
 * A database of the read-model store. Its maps are named after {@link ReadModelStoreLayout}: one per collection
 * (documents by id) and one per unique index.
 */
final class ReadModelDatabase extends AbstractSynchronizedMongoDatabase<Object> {

    private final MVStore store;

    ReadModelDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, cursors);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    static MVMap<Object, byte[]> documentsMap(MVStore store, String namespace) {
        return store.openMap(ReadModelStoreLayout.documentsMap(namespace),
                new MVMap.Builder<Object, byte[]>().keyType(BsonValueType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new ReadModelCollection(this, collectionName, options, cursorRegistry, store,
                documentsMap(store, getFullCollectionNamespace(collectionName)));
    }

    private static MVMap<KeyValue, Object> indexMap(MVStore store, String namespace, String indexName) {
        return store.openMap(ReadModelStoreLayout.indexMap(namespace, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE).valueType(BsonValueType.INSTANCE));
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new ReadModelUniqueIndex(indexMap(store, getFullCollectionNamespace(collectionName), indexName),
                indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        removeMap(ReadModelStoreLayout.indexMap(collection.getFullName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        removeMap(ReadModelStoreLayout.documentsMap(namespace));
        store.getMapNames().stream()
                .filter(name -> name.startsWith(ReadModelStoreLayout.indexMapPrefix(namespace)))
                .forEach(this::removeMap);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.getMapNames().stream()
                .filter(name -> ReadModelStoreLayout.belongsToDatabase(name, databaseName))
                .forEach(this::removeMap);
    }

    /** Renames the collection's maps with it — its documents and its indexes — so nothing of it stays under the old name. */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldNamespace = collection.getFullName();
        String newNamespace = getFullCollectionNamespace(newCollectionName);
        List<String> indexNames = collection.getIndexes().stream().map(Index::getName).toList();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        // the maps are open (the collection and its indexes use them): opening them again answers those instances
        store.renameMap(documentsMap(store, oldNamespace), ReadModelStoreLayout.documentsMap(newNamespace));
        for (String indexName : indexNames) {
            store.renameMap(indexMap(store, oldNamespace, indexName), ReadModelStoreLayout.indexMap(newNamespace, indexName));
        }
    }

    private void removeMap(String name) {
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
    }

    /** This store's own commands ({@link CollectionComparison}), then MongoDB's. */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (CollectionComparison.COMMAND.equals(command)) {
            return CollectionComparison.run(store, this::getFullCollectionNamespace, query);
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    @Override
    protected long getStorageSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}

package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Converts a read-model file written by mongo-java-server's own H2 backend (up to this version of the service) to
 * {@link ReadModelStoreLayout}: every collection's documents are copied, re-encoded as BSON, into a map of the new
 * layout; the old maps are then removed. Indexes are not copied: an empty index is rebuilt from its collection when
 * the database opens.
 * <p>
 * The conversion can be interrupted at any point (even by {@code kill -9}) and simply runs again on the next start:
 * a collection's old map is removed only in a commit after its copy is complete, and a copy found without its old
 * map being gone is started over. It commits every {@value #COMMIT_EVERY} documents, so memory stays bounded.
 */
public final class ReadModelStoreMigration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStoreMigration.class);

    static final String OLD_DOCUMENTS = "databases.";
    private static final String OLD_META = "meta.";
    private static final String OLD_INDEX = "._index_";
    private static final int COMMIT_EVERY = 5_000;

    private ReadModelStoreMigration() {
    }

    /** Converts the file if it has the old layout; returns how many documents were converted. */
    public static long migrate(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().autoCommitDisabled().open();
        try {
            return migrate(store);
        } finally {
            store.close();
        }
    }

    static long migrate(MVStore store) {
        List<String> collections = store.getMapNames().stream().filter(name -> name.startsWith(OLD_DOCUMENTS)).toList();
        if (collections.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        long converted = 0;
        for (String oldName : collections) {
            converted += convert(store, oldName);
        }
        store.getMapNames().stream()
                .filter(name -> name.startsWith(OLD_META) || name.contains(OLD_INDEX))
                .forEach(store::removeMap);
        store.commit();
        log.info("Converted the read models' file to BSON documents: {} collections, {} documents in {} ms",
                collections.size(), converted, (System.nanoTime() - start) / 1_000_000);
        return converted;
    }

    private static long convert(MVStore store, String oldName) {
        String namespace = oldName.substring(OLD_DOCUMENTS.length());
        String newName = ReadModelStoreLayout.documentsMap(namespace);
        if (store.hasMap(newName)) {
            store.removeMap(newName); // an earlier, interrupted copy
        }
        MVMap<Object, Document> old = store.openMap(oldName);
        MVMap<Object, byte[]> copy = ReadModelDatabase.documentsMap(store, namespace);
        long count = 0;
        Cursor<Object, Document> cursor = old.cursor(null);
        while (cursor.hasNext()) {
            Object id = cursor.next();
            copy.put(id, BsonCodec.encodeDocument(cursor.getValue()));
            if (++count % COMMIT_EVERY == 0) {
                store.commit();
            }
        }
        store.commit();
        store.removeMap(old);
        store.commit();
        return count;
    }
}

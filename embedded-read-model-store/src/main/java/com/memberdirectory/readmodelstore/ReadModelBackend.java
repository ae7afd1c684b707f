package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The read-model store behind the in-process MongoDB wire-protocol server: mongo-java-server's query engine on an
 * H2 MVStore file, with documents kept as BSON and index keys compared as BSON values.
 * <p>
 * mongo-java-server's own H2 backend keeps documents and index keys with H2's {@code ObjectDataType}, that is Java
 * serialization: every read of a document deserialized it, and every comparison inside a unique index (about 17 for
 * one lookup among 100,000 members) serialized both keys. Profiles of the service showed that as the largest single
 * cost of the read side. Here a document is encoded once when written and decoded once when read, and index keys
 * are compared as values.
 */
public final class ReadModelBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBackend.class);

    private final MVStore store;

    public ReadModelBackend(MVStore store) {
        this.store = store;
        store.getMapNames().stream()
                .map(ReadModelStoreLayout::databaseOf)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(database -> {
                    log.debug("Opening read-model database '{}'", database);
                    resolveDatabase(database);
                });
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new ReadModelDatabase(databaseName, store, getCursorRegistry());
    }

    /** Writes everything stored so far to the file now. */
    public void commit() {
        store.commit();
    }

    public MVStore store() {
        return store;
    }

    @Override
    public void close() {
        super.close();
        if (!store.isClosed()) {
            store.close();
        }
    }
}

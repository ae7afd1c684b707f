package com.memberdirectory.app.storage;

import de.bwaldvogel.mongo.MongoServer;
import com.memberdirectory.app.storage.readmodel.ReadModelBackend;
import com.memberdirectory.app.storage.readmodel.ReadModelStoreMigration;
import com.memberdirectory.app.storage.readmodel.ReadModelFileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB wire-protocol server of the read models, on an H2 MVStore file ({@link ReadModelBackend}).
 * <p>
 * The MVStore appends changed pages and reuses space only slowly, so under steady writes its file grows to many
 * times its live data (measured: 34 MB for 3,000 members whose live data is 3 MB). After a clean stop the file is
 * therefore rewritten with only its live pages ({@link MVStoreTool#compact(String, boolean)}: into a new file that
 * then atomically replaces the old one, so a crash during compaction leaves the old file intact; the leftovers of
 * such a crash are cleaned up on the next start).
 */
final class ReadModelServer extends MongoServer {

    private static final Logger log = LoggerFactory.getLogger(ReadModelServer.class);

    private final Path file;
    private final ReadModelBackend backend;

    private ReadModelServer(Path file, ReadModelBackend backend) {
        super(backend);
        this.file = file;
        this.backend = backend;
    }

    static ReadModelServer open(Path file) {
        MVStoreTool.compactCleanUp(file.toString());
        if (Files.exists(file)) {
            ReadModelStoreMigration.migrate(file);
        }
        ReadModelFileStore fileStore = new ReadModelFileStore();
        fileStore.open(file.toString(), false, null);
        // Compressed pages: field names repeat in every document and compress well.
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).compress().open();
        return new ReadModelServer(file, new ReadModelBackend(store));
    }

    /** Writes everything stored so far to the file now, instead of within the store's background second. */
    void commit() {
        backend.commit();
    }

    @Override
    public void shutdownNow() {
        super.shutdownNow();
        MVStore store = backend.store();
        if (!store.isClosed()) {
            store.close();
        }
        try {
            long before = Files.size(file);
            long start = System.nanoTime();
            MVStoreTool.compact(file.toString(), true);
            log.info("Compacted the read models from {} to {} bytes in {} ms", before, Files.size(file),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | Error e) {
            log.warn("Could not compact the read models' file {}; it stays as it is", file, e);
        }
    }
}

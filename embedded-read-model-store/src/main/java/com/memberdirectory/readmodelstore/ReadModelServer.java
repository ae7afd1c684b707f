package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The in-process MongoDB wire-protocol server of the read models, on an H2 MVStore file ({@link ReadModelBackend}).
 * <p>
 * The MVStore appends changed pages and reuses space only slowly, so under steady writes its file grows to many
 * times its live data (measured: 34 MB for 3,000 members whose live data is 3 MB). After a clean stop the file is
 * therefore rewritten with only its live pages ({@link MVStoreTool#compact(String, boolean)}: into a new file that
 * then atomically replaces the old one, so a crash during compaction leaves the old file intact; the leftovers of
 * such a crash are cleaned up on the next start).
 * <p>
 * Everything in the file is derived from the events (the projections' tokens are stored with their documents), so a
 * file that cannot be read is moved aside and the service starts on an empty one: the projections then replay the
 * events from the start.
 */
public final class ReadModelServer extends MongoServer {

    private static final Logger log = LoggerFactory.getLogger(ReadModelServer.class);

    private final Path file;
    private final ReadModelBackend backend;

    private ReadModelServer(Path file, ReadModelBackend backend) {
        super(backend);
        this.file = file;
        this.backend = backend;
    }

    public static ReadModelServer open(Path file) {
        MVStoreTool.compactCleanUp(file.toString());
        try {
            return new ReadModelServer(file, openBackend(file));
        } catch (MVStoreException e) {
            if (!damaged(e)) {
                throw e;
            }
            Path aside = moveAside(file);
            log.warn("The read-model file {} cannot be read ({}); moved it to {}. Starting with an empty read-model store:"
                    + " the lists are rebuilt from the events in events/ and stay incomplete until the projections have"
                    + " caught up; {} can be deleted once they are back.", file, e.getMessage(), aside.getFileName(), aside.getFileName());
            return new ReadModelServer(file, openBackend(file));
        }
    }

    private static ReadModelBackend openBackend(Path file) {
        if (Files.exists(file)) {
            ReadModelStoreMigration.migrate(file);
        }
        ReadModelFileStore fileStore = new ReadModelFileStore();
        fileStore.open(file.toString(), false, null);
        try {
            // Compressed pages: field names repeat in every document and compress well.
            MVStore store = new MVStore.Builder().adoptFileStore(fileStore).compress().open();
            return new ReadModelBackend(store);
        } catch (MVStoreException e) {
            fileStore.close();
            throw e;
        }
    }

    /**
     * Whether the file's content is what failed (a damaged header or chunk, garbage, a format no MVStore reads),
     * rather than the disk or the file system: only then is moving the file aside and rebuilding the answer.
     */
    private static boolean damaged(MVStoreException e) {
        return switch (e.getErrorCode()) {
            case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_UNSUPPORTED_FORMAT,
                 DataUtils.ERROR_UNKNOWN_DATA_TYPE, DataUtils.ERROR_SERIALIZATION -> true;
            default -> false;
        };
    }

    private static Path moveAside(Path file) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        try {
            return Files.move(file, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("The read-model file " + file + " cannot be read and cannot be moved aside;"
                    + " move or delete it, and the read models are rebuilt from the events at the next start", e);
        }
    }

    /** Writes everything stored so far to the file now, instead of within the store's background second. */
    public void commit() {
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

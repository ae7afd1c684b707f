package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.app.storage.mongo.GridFsFileStore;
import com.memberdirectory.query.files.FileStore.NewFile;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves the files that earlier versions kept in GridFS of the embedded read-model store (photos, uploads, reports,
 * exports) into {@link JdbcFileStore}, under the same ids (events and exports name them), once at start. Each file is
 * committed in the database before it is removed from GridFS, and one found in both (a crash in between) is only
 * removed, so an interrupted move simply goes on at the next start.
 */
final class ReadModelFilesMigration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFilesMigration.class);
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private ReadModelFilesMigration() {
    }

    /** Answers how many files were moved. */
    static int run(GridFsTemplate gridFs, JdbcFileStore target) {
        Map<String, Integer> moved = new TreeMap<>();
        for (GridFSFile file : gridFs.find(new Query()).into(new ArrayList<>())) {
            String id = file.getObjectId().toHexString();
            Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
            String kind = metadata.getString("kind") == null ? "unknown" : metadata.getString("kind");
            if (!target.exists(id)) {
                NewFile copy = new NewFile(file.getFilename(), contentType(metadata), kind, GridFsFileStore.owner(file),
                        Boolean.TRUE.equals(metadata.getBoolean("unrecorded")));
                try (InputStream content = gridFs.getResource(file).getInputStream()) {
                    target.store(id, copy, file.getUploadDate().toInstant(), content);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not move the stored file " + id + " out of the read-model store", e);
                }
            }
            gridFs.delete(GridFsFileStore.byId(id));
            moved.merge(kind, 1, Integer::sum);
        }
        int total = moved.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            log.info("Moved {} stored files (by kind: {}) from the read-model store into the event store's database",
                    total, moved);
        }
        return total;
    }

    /** Spring's GridFS template keeps the content type in the metadata. */
    private static String contentType(Document metadata) {
        String type = metadata.getString("_contentType");
        return type == null ? DEFAULT_CONTENT_TYPE : type;
    }
}

package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.query.files.FileStore;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Files in GridFS of MongoDB mode's database, the primary store there (majority write concern: durable when
 * stored). Metadata as files had before this port: {@code kind}, {@code owner} ({@code memberId} on photos of
 * earlier versions), {@code unrecorded} while pending.
 */
public class GridFsFileStore implements FileStore {

    static final String FILES = "fs.files";
    private static final String PENDING = "metadata.unrecorded";

    private final GridFsTemplate files;
    private final MongoTemplate mongo;

    public GridFsFileStore(GridFsTemplate files, MongoTemplate mongo) {
        this.files = files;
        this.mongo = mongo;
    }

    @Override
    public String store(NewFile file, InputStream content) {
        Document metadata = new Document("kind", file.kind()).append("owner", file.owner());
        if (file.pending()) {
            metadata.append("unrecorded", true);
        }
        return files.store(content, file.name(), file.contentType(), metadata).toHexString();
    }

    @Override
    public Optional<Content> open(String id) throws IOException {
        GridFSFile file = files.findOne(byId(id));
        if (file == null) {
            return Optional.empty();
        }
        GridFsResource resource = files.getResource(file);
        return Optional.of(new Content(resource.getContentType(), file.getLength(), resource.getInputStream()));
    }

    @Override
    public void confirm(String id) {
        mongo.updateFirst(byId(id), new Update().unset(PENDING), FILES);
    }

    @Override
    public void delete(String id) {
        files.delete(byId(id));
    }

    @Override
    public List<PendingFile> pendingBefore(String kind, Instant cutoff) {
        List<PendingFile> found = new ArrayList<>();
        files.find(Query.query(Criteria.where(PENDING).is(true).and("metadata.kind").is(kind).and("uploadDate")
                .lt(Date.from(cutoff)))).forEach(file -> found.add(new PendingFile(file.getObjectId().toHexString(), owner(file))));
        return found;
    }

    @Override
    public int deleteBefore(String kind, Instant cutoff) {
        Query old = Query.query(Criteria.where("metadata.kind").is(kind).and("uploadDate").lt(Date.from(cutoff)));
        int count = (int) mongo.count(old, FILES);
        files.delete(old);
        return count;
    }

    /** Whose the file is: {@code owner}, or {@code memberId} on a photo stored by an earlier version. */
    public static String owner(GridFSFile file) {
        Document metadata = file.getMetadata();
        if (metadata == null) {
            return null;
        }
        String owner = metadata.getString("owner");
        return owner != null ? owner : metadata.getString("memberId");
    }

    public static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(new ObjectId(id)));
    }
}

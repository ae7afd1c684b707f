package com.memberdirectory.app.photo;

import com.memberdirectory.app.storage.StoredFiles;
import com.memberdirectory.kernel.member.MemberId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Profile photos in MongoDB GridFS — the real MongoDB, or the in-process stand-in on the embedded default.
 * <p>
 * A photo is stored before the member's change that names it is sent, so a file can outlive a change that was
 * refused, recorded nothing or never happened (a crash in between). Each file therefore carries the member it
 * was uploaded for and stays marked unrecorded until that change is known to be recorded; {@link PhotoSweep}
 * removes the ones no change ever named.
 */
@Component
class GridFsPhotoStore {

    static final String FILES = "fs.files";
    static final String UNRECORDED = "metadata.unrecorded";

    /** A stored photo not (yet) known to be named by its member's history. */
    record UnrecordedPhoto(String id, MemberId memberId) {
    }

    private final GridFsTemplate files;
    private final MongoTemplate mongo;
    private final StoredFiles durability;

    GridFsPhotoStore(GridFsTemplate files, MongoTemplate mongo, StoredFiles durability) {
        this.files = files;
        this.mongo = mongo;
        this.durability = durability;
    }

    /** Stores the image, durably (the member will point at it), and answers its id. */
    String store(MemberId member, byte[] content, String contentType, String sha256) {
        Document metadata = new Document("kind", "photo").append("memberId", member.value()).append("sha256", sha256)
                .append("unrecorded", true);
        String id = files.store(new ByteArrayInputStream(content), "photo", contentType, metadata).toHexString();
        durability.makeDurable();
        return id;
    }

    // Neither marking nor deleting waits for the disk: if a crash loses it, the file is still marked unrecorded
    // and the sweep looks at it again.

    void recorded(String id) {
        mongo.updateFirst(byId(id), new Update().unset(UNRECORDED), FILES);
    }

    void delete(String id) {
        files.delete(byId(id));
    }

    /** Photos stored before {@code cutoff} that are still marked unrecorded. */
    List<UnrecordedPhoto> unrecordedBefore(Instant cutoff) {
        List<UnrecordedPhoto> found = new ArrayList<>();
        files.find(Query.query(Criteria.where(UNRECORDED).is(true).and("uploadDate").lt(Date.from(cutoff))))
                .forEach(file -> {
                    String member = file.getMetadata() == null ? null : file.getMetadata().getString("memberId");
                    found.add(new UnrecordedPhoto(file.getObjectId().toHexString(), member == null ? null : new MemberId(member)));
                });
        return found;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(new ObjectId(id)));
    }
}

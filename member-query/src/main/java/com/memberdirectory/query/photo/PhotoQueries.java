package com.memberdirectory.query.photo;

import com.memberdirectory.kernel.member.FindPhoto;
import com.memberdirectory.kernel.member.Photo;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves profile photos from GridFS, found through the member list's current photo id. */
@Component
class PhotoQueries {

    private final MongoTemplate mongo;
    private final GridFsTemplate files;

    PhotoQueries(MongoTemplate mongo, GridFsTemplate files) {
        this.mongo = mongo;
        this.files = files;
    }

    @QueryHandler
    Photo find(FindPhoto query) {
        Document member = mongo.findById(query.memberId().value(), Document.class, "members");
        Object photoId = member == null ? null : member.get("photoId");
        if (photoId == null) {
            return null;
        }
        GridFSFile file = files.findOne(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(photoId.toString()))));
        if (file == null) {
            return null;
        }
        GridFsResource resource = files.getResource(file);
        try (InputStream in = resource.getInputStream()) {
            return new Photo(in.readAllBytes(), resource.getContentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

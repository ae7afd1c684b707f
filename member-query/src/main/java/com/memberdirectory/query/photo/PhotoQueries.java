package com.memberdirectory.query.photo;

import com.memberdirectory.kernel.member.FindPhoto;
import com.memberdirectory.kernel.member.Photo;
import com.memberdirectory.query.files.FileStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Serves profile photos from the {@link FileStore}, found through the member list's current photo id. */
@Component
class PhotoQueries {

    private final MongoTemplate mongo;
    private final FileStore files;

    PhotoQueries(MongoTemplate mongo, FileStore files) {
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
        try {
            Optional<FileStore.Content> file = files.open(photoId.toString());
            if (file.isEmpty()) {
                return null;
            }
            try (InputStream in = file.get().stream()) {
                return new Photo(in.readAllBytes(), file.get().contentType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

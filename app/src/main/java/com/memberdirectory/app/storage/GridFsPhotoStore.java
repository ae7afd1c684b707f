package com.memberdirectory.app.storage;

import com.memberdirectory.command.photo.PhotoStore;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;

/** Profile photos in MongoDB GridFS — the real MongoDB, or the in-process stand-in on the embedded default. */
@Component
class GridFsPhotoStore implements PhotoStore {

    private final GridFsTemplate files;
    private final StoredFiles durability;

    GridFsPhotoStore(GridFsTemplate files, StoredFiles durability) {
        this.files = files;
        this.durability = durability;
    }

    @Override
    public String store(byte[] content, String contentType) {
        String id = files.store(new ByteArrayInputStream(content), "photo", contentType).toHexString();
        durability.makeDurable();
        return id;
    }
}

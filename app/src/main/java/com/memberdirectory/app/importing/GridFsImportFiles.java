package com.memberdirectory.app.importing;

import com.memberdirectory.app.storage.StoredFiles;
import com.memberdirectory.command.importing.ImportFiles;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Uploaded workbooks and import reports in GridFS, each tagged with the admin it belongs to. */
public class GridFsImportFiles implements ImportFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final GridFsTemplate files;
    private final StoredFiles durability;

    public GridFsImportFiles(GridFsTemplate files, StoredFiles durability) {
        this.files = files;
        this.durability = durability;
    }

    @Override
    public Path download(String fileId) throws IOException {
        Path temp = Files.createTempFile("import-", ".xlsx");
        try (InputStream in = open(fileId)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        return temp;
    }

    @Override
    public String store(String fileName, String owner, Writer writer) throws IOException {
        Path temp = Files.createTempFile("report-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            return storeFile(temp, fileName, owner, "import");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public String storeFile(Path file, String fileName, String owner, String kind) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String id = files.store(in, fileName, XLSX, new Document("owner", owner).append("kind", kind)).toHexString();
            durability.makeDurable();
            return id;
        }
    }

    @Override
    public void delete(String fileId) {
        files.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
        durability.makeDurable();
    }

    public InputStream open(String fileId) throws IOException {
        var file = files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
        if (file == null) {
            throw new FileNotFoundException("No stored file " + fileId);
        }
        GridFsResource resource = files.getResource(file);
        return resource.getInputStream();
    }
}

package com.memberdirectory.app.importing;

import com.memberdirectory.command.importing.ImportFiles;
import com.memberdirectory.query.files.FileStore;
import com.memberdirectory.query.files.FileStore.NewFile;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Uploaded workbooks and import reports in the {@link FileStore}, each owned by the admin it belongs to. */
public class StoredImportFiles implements ImportFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final FileStore files;

    public StoredImportFiles(FileStore files) {
        this.files = files;
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

    /** Stores the file durably (an import will be queued that names it) and answers its id. */
    public String storeFile(Path file, String fileName, String owner, String kind) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return files.store(new NewFile(fileName, XLSX, kind, owner, false), in);
        }
    }

    @Override
    public void delete(String fileId) {
        files.delete(fileId);
    }

    public InputStream open(String fileId) throws IOException {
        return files.open(fileId).orElseThrow(() -> new FileNotFoundException("No stored file " + fileId)).stream();
    }
}

package com.memberdirectory.command.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where uploaded workbooks and the files an import produces are kept. */
public interface ImportFiles {

    /** Copies a stored file to a temporary file (the caller deletes it). */
    Path download(String fileId) throws IOException;

    /** Stores what {@code writer} writes and answers the new file's id. */
    String store(String fileName, String owner, Writer writer) throws IOException;

    /** Removes a stored file; a file that is already gone is no error. */
    void delete(String fileId) throws IOException;

    /** Writes a file's content. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }
}

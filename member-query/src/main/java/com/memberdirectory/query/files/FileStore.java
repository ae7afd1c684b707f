package com.memberdirectory.query.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files the directory keeps for its users: profile photos, uploaded workbooks while their import runs, import
 * error reports and previews, exports until they expire. Nothing can derive them again, so they live in the primary
 * store — with the events, not with the read models that are rebuilt from them. A file is durable once
 * {@link #store} answers, so whatever names it (an event, an export's record) may be acknowledged then.
 * <p>
 * Ids are 24 hexadecimal digits (a MongoDB {@code ObjectId}'s form), as files had when they lived in GridFS.
 */
public interface FileStore {

    /**
     * What a file is stored with.
     *
     * @param kind    what it is: {@code photo}, {@code upload}, {@code import} (a report or preview), {@code export}
     * @param owner   whose it is: the member of a photo, the admin of the other kinds
     * @param pending stored before what names it is known to be recorded (a photo before its member's change); such
     *                files are found again with {@link #pendingBefore} until {@link #confirm} clears the mark
     */
    record NewFile(String name, String contentType, String kind, String owner, boolean pending) {
    }

    /** A file found by {@link #pendingBefore}. */
    record PendingFile(String id, String owner) {
    }

    /** A stored file's content, to be closed by the reader; read as it streams, not held in memory. */
    record Content(String contentType, long size, InputStream stream) {
    }

    /** Stores what {@code content} holds (read to its end, not closed) and answers the new file's id. */
    String store(NewFile file, InputStream content) throws IOException;

    /** The file's content, or empty if there is no such file. */
    Optional<Content> open(String id) throws IOException;

    /** Clears the pending mark. */
    void confirm(String id);

    /** Removes the file; a file that is already gone is no error. */
    void delete(String id);

    /** Files of this kind stored before {@code cutoff} that are still pending. */
    List<PendingFile> pendingBefore(String kind, Instant cutoff);

    /** Removes every file of this kind stored before {@code cutoff}; answers how many. */
    int deleteBefore(String kind, Instant cutoff);
}

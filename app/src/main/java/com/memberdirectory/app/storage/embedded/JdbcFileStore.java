package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.eventstore.EmbeddedSchema;
import com.memberdirectory.query.files.FileStore;
import org.bson.types.ObjectId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Files in the embedded default's HSQLDB database, next to the events ({@code directory_files} and
 * {@code directory_file_chunks}, see {@link EmbeddedSchema}). A file is cut into chunks of {@value #CHUNK} bytes, each
 * a row with its bytes in the row ({@code VARBINARY}), written in one transaction with the file's row: HSQLDB syncs
 * its log at every commit, so a stored file survives {@code kill -9}, and a file half written by a crash was never
 * committed. Reading fetches one chunk at a time, so neither end holds a whole file in memory.
 */
public class JdbcFileStore implements FileStore {

    static final int CHUNK = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcFileStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String store(NewFile file, InputStream content) throws IOException {
        String id = new ObjectId().toHexString();
        store(id, file, Instant.now(), content);
        return id;
    }

    /** Stores a file under a given id and creation time (files moved here from GridFS keep theirs). */
    void store(String id, NewFile file, Instant created, InputStream content) throws IOException {
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    write(id, file, created, content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void write(String id, NewFile file, Instant created, InputStream content) throws IOException {
        DigestInputStream digesting = new DigestInputStream(content, sha256());
        long size = 0;
        int n = 0;
        byte[] chunk;
        while ((chunk = digesting.readNBytes(CHUNK)).length > 0) {
            jdbc.update("INSERT INTO directory_file_chunks (file_id, n, data) VALUES (?, ?, ?)", id, n++, chunk);
            size += chunk.length;
        }
        jdbc.update("INSERT INTO directory_files (id, name, content_type, kind, owner, size, sha256, created, pending)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, file.name(), file.contentType(), file.kind(), file.owner(),
                size, HexFormat.of().formatHex(digesting.getMessageDigest().digest()), Timestamp.from(created), file.pending());
    }

    boolean exists(String id) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_files WHERE id = ?", Integer.class, id);
        return count != null && count > 0;
    }

    @Override
    public Optional<Content> open(String id) {
        return jdbc.query("SELECT content_type, size FROM directory_files WHERE id = ?",
                (rs, row) -> new Content(rs.getString(1), rs.getLong(2), new Chunks(id, rs.getLong(2))), id).stream().findFirst();
    }

    @Override
    public void confirm(String id) {
        jdbc.update("UPDATE directory_files SET pending = FALSE WHERE id = ?", id);
    }

    @Override
    public void delete(String id) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM directory_files WHERE id = ?", id);
            jdbc.update("DELETE FROM directory_file_chunks WHERE file_id = ?", id);
        });
    }

    @Override
    public List<PendingFile> pendingBefore(String kind, Instant cutoff) {
        return jdbc.query("SELECT id, owner FROM directory_files WHERE kind = ? AND pending AND created < ?",
                (rs, row) -> new PendingFile(rs.getString(1), rs.getString(2)), kind, Timestamp.from(cutoff));
    }

    @Override
    public int deleteBefore(String kind, Instant cutoff) {
        List<String> ids = jdbc.queryForList("SELECT id FROM directory_files WHERE kind = ? AND created < ?", String.class,
                kind, Timestamp.from(cutoff));
        ids.forEach(this::delete);
        return ids.size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored file's bytes, read a chunk at a time as the reader asks for them. */
    private final class Chunks extends InputStream {

        private final String id;
        private final long size;
        private long read;
        private int next;
        private byte[] chunk = new byte[0];
        private int position;

        Chunks(String id, long size) {
            this.id = id;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == chunk.length) {
                if (read == size) {
                    return -1;
                }
                List<byte[]> found = jdbc.queryForList("SELECT data FROM directory_file_chunks WHERE file_id = ? AND n = ?",
                        byte[].class, id, next);
                if (found.isEmpty()) {
                    throw new IOException("The stored file " + id + " was removed while it was read");
                }
                chunk = found.get(0);
                position = 0;
                next++;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            read += count;
            return count;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }
    }
}

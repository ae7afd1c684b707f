package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.eventstore.EmbeddedSchema;
import com.memberdirectory.query.files.FileStore.Content;
import com.memberdirectory.query.files.FileStore.NewFile;
import com.memberdirectory.query.files.FileStore.PendingFile;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files kept for users in the event store's HSQLDB database: chunked, streamed, durable across a reopen. */
class JdbcFileStoreTest {

    @TempDir
    Path folder;

    private SingleConnectionDataSource dataSource;
    private JdbcFileStore files;

    @BeforeEach
    void open() throws Exception {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:file:" + folder.resolve("directory") + ";hsqldb.tx=mvcc;hsqldb.write_delay=false");
        hsqldb.setUser("SA");
        dataSource = new SingleConnectionDataSource(hsqldb.getConnection(), true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EmbeddedSchema.apply(jdbc);
        files = new JdbcFileStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void close() {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource.destroy();
    }

    @Test
    void a_file_of_several_chunks_comes_back_byte_for_byte_with_its_size_and_digest_after_a_reopen() throws Exception {
        byte[] bytes = random(JdbcFileStore.CHUNK * 2 + 123);
        String id = files.store(new NewFile("members.xlsx", "application/x-test", "export", "admin", false), new ByteArrayInputStream(bytes));
        assertThat(id).matches("[0-9a-f]{24}");

        close();
        open();

        Content content = files.open(id).orElseThrow();
        assertThat(content.contentType()).isEqualTo("application/x-test");
        assertThat(content.size()).isEqualTo(bytes.length);
        try (InputStream in = content.stream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT sha256 FROM directory_files WHERE id = ?", String.class, id))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM directory_file_chunks WHERE file_id = ?",
                Integer.class, id)).isEqualTo(3);
    }

    @Test
    void an_empty_file_is_stored_and_reads_as_empty() throws IOException {
        String id = files.store(new NewFile("empty", "text/plain", "import", "admin", false), new ByteArrayInputStream(new byte[0]));
        assertThat(files.open(id).orElseThrow().stream().readAllBytes()).isEmpty();
    }

    @Test
    void a_missing_file_opens_as_empty_and_deleting_it_is_no_error() {
        assertThat(files.open("0123456789abcdef01234567")).isEmpty();
        files.delete("0123456789abcdef01234567");
    }

    @Test
    void a_file_deleted_while_it_is_read_fails_the_reader_instead_of_ending_early() throws IOException {
        String id = files.store(new NewFile("big", "application/x-test", "export", "admin", false),
                new ByteArrayInputStream(random(JdbcFileStore.CHUNK + 1)));
        InputStream in = files.open(id).orElseThrow().stream();
        assertThat(in.readNBytes(10)).hasSize(10);
        files.delete(id);
        assertThat(in.readNBytes(JdbcFileStore.CHUNK - 10)).hasSize(JdbcFileStore.CHUNK - 10);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining(id);
        assertThat(files.open(id)).isEmpty();
    }

    @Test
    void pending_files_are_found_by_kind_and_age_until_confirmed() throws IOException {
        String old = photo("m1");
        String recent = photo("m2");
        String confirmed = photo("m3");
        backdate(old);
        backdate(confirmed);
        files.confirm(confirmed);

        assertThat(files.pendingBefore("photo", Instant.now().minusSeconds(60))).containsExactly(new PendingFile(old, "m1"));
        assertThat(files.pendingBefore("export", Instant.now().plusSeconds(60))).isEmpty();
        assertThat(files.pendingBefore("photo", Instant.now().plusSeconds(60))).extracting(PendingFile::id)
                .containsExactlyInAnyOrder(old, recent);
    }

    @Test
    void files_of_a_kind_stored_before_a_time_are_deleted_with_their_chunks() throws IOException {
        String expired = files.store(new NewFile("a", "x/y", "export", "admin", false), new ByteArrayInputStream(random(10)));
        String fresh = files.store(new NewFile("b", "x/y", "export", "admin", false), new ByteArrayInputStream(random(10)));
        String photo = photo("m1");
        backdate(expired);
        backdate(photo);

        assertThat(files.deleteBefore("export", Instant.now().minusSeconds(60))).isEqualTo(1);

        assertThat(files.open(expired)).isEmpty();
        assertThat(files.open(fresh)).isPresent();
        assertThat(files.open(photo)).isPresent();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM directory_file_chunks WHERE file_id = ?",
                Integer.class, expired)).isZero();
    }

    private String photo(String member) throws IOException {
        return files.store(new NewFile("photo", "image/png", "photo", member, true), new ByteArrayInputStream(random(100)));
    }

    private void backdate(String id) {
        new JdbcTemplate(dataSource).update("UPDATE directory_files SET created = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(3600)), id);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}

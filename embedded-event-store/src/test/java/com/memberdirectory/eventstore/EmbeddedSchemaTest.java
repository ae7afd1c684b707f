package com.memberdirectory.eventstore;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded schema: a new database gets every table at the latest version, an older one gets the tables of the
 * versions it lacks and keeps its rows, applying it again changes nothing; {@link EmbeddedDatabase} applies it and
 * shuts the database down cleanly, so the next start finds everything.
 */
class EmbeddedSchemaTest {

    /** Tables of versions 2, 3 and 4, which a data folder of version 1 does not have. */
    private static final List<String> LATER = List.of("SCHEDULED_TASKS", "DIRECTORY_PASSWORD_OUTBOX", "DEADLETTERENTRY",
            "DIRECTORY_FILES", "DIRECTORY_FILE_CHUNKS");

    @TempDir
    Path folder;

    @Test
    void a_new_database_gets_every_table_at_the_latest_version() {
        JdbcTemplate jdbc = memory();
        EmbeddedSchema.apply(jdbc);

        assertThat(tables(jdbc)).contains("DOMAINEVENTENTRY", "SNAPSHOTEVENTENTRY", "TOKENENTRY", "SAGAENTRY",
                "ASSOCIATIONVALUEENTRY", "DIRECTORY_CLAIMS", "DIRECTORY_CREDENTIALS", "DIRECTORY_IMPORT_SECRETS",
                "DIRECTORY_SCHEMA_VERSION").containsAll(LATER);
        assertThat(versions(jdbc)).containsExactly(4);
    }

    @Test
    void applying_it_again_changes_nothing_and_keeps_the_rows() {
        JdbcTemplate jdbc = memory();
        EmbeddedSchema.apply(jdbc);
        jdbc.update("INSERT INTO directory_claims (kind, claim_value, owner) VALUES ('EMAIL', 'ada@example.com', 'm1')");

        EmbeddedSchema.apply(jdbc);

        assertThat(versions(jdbc)).containsExactly(4);
        assertThat(jdbc.queryForObject("SELECT owner FROM directory_claims", String.class)).isEqualTo("m1");
    }

    @Test
    void a_database_of_version_1_gets_the_later_tables_and_keeps_its_rows() {
        JdbcTemplate jdbc = memory();
        EmbeddedSchema.apply(jdbc);
        // Back to what version 1 created: without the later tables, version 1 recorded.
        LATER.forEach(table -> jdbc.execute("DROP TABLE " + table));
        jdbc.update("UPDATE directory_schema_version SET version = 1");
        jdbc.update("INSERT INTO directory_credentials (member_id, password_hash) VALUES ('m1', 'hash')");

        EmbeddedSchema.apply(jdbc);

        assertThat(tables(jdbc)).containsAll(LATER);
        assertThat(versions(jdbc)).containsExactly(4);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM directory_credentials", String.class)).isEqualTo("hash");
    }

    @Test
    void the_embedded_database_creates_the_tables_and_a_clean_shutdown_keeps_what_was_committed() {
        String url = "jdbc:hsqldb:file:" + folder.resolve("events").resolve("directory") + ";hsqldb.lock_file=false";
        SingleConnectionDataSource first = file(url);
        JdbcTemplate jdbc = new JdbcTemplate(first);
        EmbeddedDatabase database = new EmbeddedDatabase(jdbc);
        jdbc.update("INSERT INTO directory_claims (kind, claim_value, owner) VALUES ('EMAIL', 'ada@example.com', 'm1')");

        database.shutdown();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM directory_claims", Integer.class))
                .as("the database is closed").isInstanceOf(DataAccessException.class);
        first.destroy();

        SingleConnectionDataSource second = file(url);
        try {
            JdbcTemplate reopened = new JdbcTemplate(second);
            new EmbeddedDatabase(reopened);
            assertThat(reopened.queryForObject("SELECT owner FROM directory_claims", String.class)).isEqualTo("m1");
            assertThat(versions(reopened)).containsExactly(4);
            reopened.execute("SHUTDOWN");
        } finally {
            second.destroy();
        }
    }

    @Test
    void a_folder_whose_data_file_was_memory_mapped_is_read_through_the_file_system_from_its_next_start() {
        String url = "jdbc:hsqldb:file:" + folder.resolve("events").resolve("directory") + ";hsqldb.lock_file=false";
        SingleConnectionDataSource older = file(url);
        JdbcTemplate before = new JdbcTemplate(older);
        EmbeddedSchema.apply(before); // as a version that mapped the data file (HSQLDB's default) left it
        assertThat(nioDataFile(before)).isEqualTo("true");
        before.execute("SHUTDOWN");
        older.destroy();

        for (int start = 1; start <= 2; start++) {
            SingleConnectionDataSource source = file(url);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(source);
                new EmbeddedDatabase(jdbc);
                if (start == 2) {
                    assertThat(nioDataFile(jdbc)).as("mapped pages would count in the resident set").isEqualTo("false");
                }
                jdbc.execute("SHUTDOWN");
            } finally {
                source.destroy();
            }
        }
    }

    private static String nioDataFile(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT property_value FROM information_schema.system_properties"
                + " WHERE property_name = 'hsqldb.nio_data_file'", String.class);
    }

    private static JdbcTemplate memory() {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:mem:schema-" + UUID.randomUUID());
        hsqldb.setUser("SA");
        hsqldb.setPassword("");
        return new JdbcTemplate(hsqldb);
    }

    private static SingleConnectionDataSource file(String url) {
        return new SingleConnectionDataSource(url, "SA", "", true);
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                String.class);
    }

    private static List<Integer> versions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT version FROM directory_schema_version", Integer.class);
    }
}

package com.memberdirectory.eventstore;

import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.jdbc.JDBCPreparedStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementPinningDataSourceTest {

    private static final String SELECT = "SELECT name FROM member WHERE id = ?";

    private JDBCDataSource hsqldb;

    @BeforeEach
    void database() throws SQLException {
        hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:mem:pinning-" + UUID.randomUUID());
        hsqldb.setUser("SA");
        hsqldb.setPassword("");
        try (Connection connection = hsqldb.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE member (id INT PRIMARY KEY, name VARCHAR(100))");
            statement.execute("INSERT INTO member VALUES (1, 'Ada'), (2, 'Grace')");
        }
    }

    @Test
    void without_pinning_hsqldb_compiles_a_closed_statement_again() throws SQLException {
        try (Connection connection = hsqldb.getConnection()) {
            assertThat(compiledIds(connection, SELECT, 3)).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_connection_compiles_each_statement_once() throws SQLException {
        try (Connection connection = new StatementPinningDataSource(hsqldb, 8).getConnection()) {
            assertThat(compiledIds(connection, SELECT, 3)).containsOnly(compiledIds(connection, SELECT, 1).get(0));
        }
    }

    @Test
    void each_use_gets_its_own_statement_and_answers() throws SQLException {
        try (Connection connection = new StatementPinningDataSource(hsqldb, 8).getConnection()) {
            assertThat(name(connection, 1)).isEqualTo("Ada");
            assertThat(name(connection, 2)).isEqualTo("Grace");
            try (PreparedStatement update = connection.prepareStatement("UPDATE member SET name = ? WHERE id = ?")) {
                update.setString(1, "Ada Lovelace");
                update.setInt(2, 1);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            assertThat(name(connection, 1)).isEqualTo("Ada Lovelace");
            // two statements of the same text open at once do not share parameters or results
            try (PreparedStatement first = connection.prepareStatement(SELECT);
                 PreparedStatement second = connection.prepareStatement(SELECT)) {
                first.setInt(1, 1);
                second.setInt(1, 2);
                try (ResultSet a = first.executeQuery(); ResultSet b = second.executeQuery()) {
                    assertThat(a.next()).isTrue();
                    assertThat(b.next()).isTrue();
                    assertThat(a.getString(1)).isEqualTo("Ada Lovelace");
                    assertThat(b.getString(1)).isEqualTo("Grace");
                }
            }
        }
    }

    @Test
    void only_the_most_recent_texts_stay_compiled() throws SQLException {
        try (Connection connection = new StatementPinningDataSource(hsqldb, 2).getConnection()) {
            long first = compiledIds(connection, SELECT, 1).get(0);
            compiledIds(connection, "SELECT id FROM member WHERE name = ?", 1);
            compiledIds(connection, "SELECT COUNT(*) FROM member WHERE id > ?", 1);
            assertThat(compiledIds(connection, SELECT, 1).get(0)).isNotEqualTo(first);
        }
    }

    @Test
    void a_kept_statement_follows_a_change_of_the_table() throws SQLException {
        try (Connection connection = new StatementPinningDataSource(hsqldb, 8).getConnection()) {
            String selectAll = "SELECT * FROM member WHERE id = ?";
            try (PreparedStatement before = connection.prepareStatement(selectAll)) {
                assertThat(before.getMetaData().getColumnCount()).isEqualTo(2);
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("ALTER TABLE member ADD COLUMN city VARCHAR(100) DEFAULT 'Paris'");
            }
            try (PreparedStatement after = connection.prepareStatement(selectAll)) {
                after.setInt(1, 2);
                try (ResultSet row = after.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("city")).isEqualTo("Paris");
                }
            }
        }
    }

    @Test
    void a_statement_that_does_not_compile_fails_as_without_pinning() throws SQLException {
        try (Connection connection = new StatementPinningDataSource(hsqldb, 8).getConnection()) {
            assertThatThrownBy(() -> connection.prepareStatement("SELECT nope FROM member"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("NOPE");
            assertThat(name(connection, 2)).isEqualTo("Grace");
        }
    }

    /** Prepares and closes {@code sql} {@code times} times; answers HSQLDB's compiled statement id of each. */
    private static List<Long> compiledIds(Connection connection, String sql, int times) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                ids.add(statement.unwrap(JDBCPreparedStatement.class).getStatementID());
            }
        }
        return ids;
    }

    private static String name(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setInt(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}

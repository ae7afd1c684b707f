package com.memberdirectory.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventQueriesTest {

    private final EventSchema schema = EventSchema.builder().build();
    private SingleConnectionDataSource dataSource;
    private Connection connection;

    @BeforeEach
    void events() throws Exception {
        dataSource = new SingleConnectionDataSource("jdbc:hsqldb:mem:event-queries;hsqldb.tx=mvcc", "SA", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EmbeddedSchema.apply(jdbc);
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 3_000; i++) {
            if (i % 7 != 0) { // holes: the gaps a tracking token waits for
                rows.add(new Object[]{i, "e" + i, new byte[]{1}, "T", "2026-01-01T00:00:00Z", "a" + i, 0L, "Member"});
            }
        }
        jdbc.batchUpdate("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, payload, payloadType, timeStamp,"
                + " aggregateIdentifier, sequenceNumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        connection = dataSource.getConnection();
    }

    @AfterEach
    void drop() throws Exception {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource.destroy();
    }

    @Test
    void selectsTheSameEventsAsAxonsStatement() throws Exception {
        List<Long> gaps = List.of(1_400L, 1_401L, 2_003L, 999L); // 1,400 is still missing, the others have arrived
        for (long position : new long[]{0, 999, 2_003, 2_990}) {
            for (int batchSize : new int[]{1, 100, 1_000}) {
                assertThat(indexes(EventQueries.readEventDataWithGaps(connection, schema, position, batchSize, gaps)))
                        .isEqualTo(indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                                connection, schema, position, batchSize, gaps)));
            }
        }
    }

    @Test
    void usesThePrimaryKeyIndex() throws Exception {
        PreparedStatement statement = EventQueries.readEventDataWithGaps(connection, schema, 2_000, 100, List.of(1_001L, 1_996L));
        // HSQLDB reports the access path of a prepared statement through EXPLAIN PLAN of its SQL
        String sql = "EXPLAIN PLAN FOR SELECT globalIndex FROM DomainEventEntry WHERE globalIndex >= 1001 AND globalIndex <= 2100"
                + " AND ((globalIndex > 2000 AND globalIndex <= 2100) OR globalIndex IN (1001, 1996)) ORDER BY globalIndex ASC";
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        assertThat(plan.toString()).contains("access=INDEX PRED").doesNotContain("FULL SCAN");
        assertThat(indexes(statement)).isEqualTo(indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                connection, schema, 2_000, 100, List.of(1_001L, 1_996L))));
    }

    private static List<Long> indexes(PreparedStatement statement) throws Exception {
        List<Long> indexes = new ArrayList<>();
        try (statement; ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                indexes.add(rs.getLong("globalIndex"));
            }
        }
        return indexes;
    }
}

package com.memberdirectory.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Event-store queries tuned for HSQLDB.
 * <p>
 * Tracking processors read "the next batch after my position, plus the gaps I am still waiting for" — gaps appear
 * all the time when several commands commit concurrently. Axon's default statement,
 * {@code WHERE (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}, makes HSQLDB scan the whole event
 * table (the OR defeats the primary-key index): measured 250 ms – 3 s per batch at 60,000 events, growing with the
 * store, and every read-your-writes request waits for it. {@link #readEventDataWithGaps} selects exactly the same
 * rows but adds the bounding range {@code globalIndex BETWEEN lowest gap AND position + batch size} in front, so the
 * primary-key index is used (about 5 ms, independent of the store's size).
 */
public final class EventQueries {

    private EventQueries() {
    }

    public static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        long lowest = globalIndex + 1;
        long highest = globalIndex + batchSize;
        for (Long gap : gaps) {
            lowest = Math.min(lowest, gap);
            highest = Math.max(highest, gap);
        }
        String index = schema.globalIndexColumn();
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ? AND ((" + index + " > ? AND " + index + " <= ?) OR "
                + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + "))"
                + " ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, lowest);
        statement.setLong(2, highest);
        statement.setLong(3, globalIndex);
        statement.setLong(4, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 5, gaps.get(i));
        }
        return statement;
    }
}

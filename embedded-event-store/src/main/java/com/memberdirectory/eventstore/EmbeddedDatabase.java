package com.memberdirectory.eventstore;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded HSQLDB database, its tables created. Beans that use the tables depend on this one, so the
 * schema exists before Axon touches it; on a clean stop the database is checkpointed and closed. Its data file is
 * not memory-mapped: a folder made by a version that mapped it is switched over here, from its next start on
 * (HSQLDB applies the file access mode when it opens the database).
 */
public class EmbeddedDatabase {

    private final JdbcTemplate jdbc;

    public EmbeddedDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("SET FILES NIO FALSE");
        EmbeddedSchema.apply(jdbc);
    }

    @PreDestroy
    void shutdown() {
        jdbc.execute("SHUTDOWN");
    }
}

package com.memberdirectory.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks into a stopped service's data folder: file sizes, and the HSQLDB event store (opened on a copy, so the
 * measured files are not touched and a crashed database's recovery happens on the copy only).
 */
final class StoreInspection {

    record EventStats(long events, long payloadBytes, long metaDataBytes) {
    }

    private StoreInspection() {
    }

    /** Size of every regular file under {@code folder}, by relative path. */
    static Map<String, Long> fileSizes(Path folder) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    sizes.put(folder.relativize(file).toString(), Files.size(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return sizes;
    }

    static EventStats eventStats(Path dataFolder) throws Exception {
        try (Connection connection = open(dataFolder); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(payload)), 0),"
                     + " COALESCE(SUM(OCTET_LENGTH(metaData)), 0) FROM DomainEventEntry")) {
            rs.next();
            return new EventStats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** Every member aggregate in the event store and its version (last sequence number + 1). */
    static Map<String, Long> memberVersions(Path dataFolder) throws Exception {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = open(dataFolder); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT e.aggregateIdentifier, MAX(e.sequenceNumber) FROM DomainEventEntry e"
                     + " WHERE e.aggregateIdentifier IN (SELECT c.aggregateIdentifier FROM DomainEventEntry c"
                     + " WHERE c.payloadType LIKE '%.MemberCreated') GROUP BY e.aggregateIdentifier")) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2) + 1);
            }
        }
        return versions;
    }

    private static Connection open(Path dataFolder) throws IOException, SQLException {
        Path copy = Files.createTempDirectory("event-store-copy");
        try (Stream<Path> files = Files.list(dataFolder.resolve("events"))) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        Connection connection = DriverManager.getConnection(
                "jdbc:hsqldb:file:" + copy.resolve("directory") + ";hsqldb.lock_file=false;shutdown=true", "SA", "");
        return connection;
    }
}

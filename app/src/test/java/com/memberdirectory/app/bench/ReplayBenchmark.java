package com.memberdirectory.app.bench;

import com.memberdirectory.app.support.ServerProcess;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.eventstore.EmbeddedSchema;
import com.memberdirectory.app.support.Api;
import com.memberdirectory.kernel.admin.AdminGranted;
import com.memberdirectory.kernel.admin.Permission;
import com.memberdirectory.kernel.department.DepartmentCreated;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Issues #8 and #22's benchmark: a store of N events (a tenth of them MemberCreated, the rest edits, and a department
 * and an administrator) is written straight into a fresh embedded data folder, the service is started on it (its
 * projections catch up from nothing), and then a replay rebuilds each read model in turn, and all of them at once;
 * events/s and times are printed. Every rebuild reads the whole event stream, so events/s is N over its time.
 */
@Tag("bench")
class ReplayBenchmark {

    @Test
    void replay_a_large_store() throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        int members = events / 10;
        Path root = Path.of("target", "bench", "replay-" + events + "-" + System.currentTimeMillis());
        Path data = root.resolve("data");
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "Replay benchmark, %,d events (%,d members), %s", events, members, java.time.Instant.now());
        long start = System.nanoTime();
        String lastMember = writeEvents(data, members, events);
        BenchSupport.line(report, "wrote the store directly: %.1f s; %,d bytes on disk = %.0f bytes/event",
                (System.nanoTime() - start) / 1e9, ServerProcess.folderBytes(data), ServerProcess.folderBytes(data) / (double) events);

        long boot = System.nanoTime();
        // the projections catch up from nothing before the service is healthy: minutes at 1,000,000 events
        try (ServerProcess server = new ServerProcess(data, "1g",
                List.of("--logging.level.com.memberdirectory.query.search.IndexFreshness=INFO",
                        // where a rebuild's time goes
                        "--logging.level.com.memberdirectory.query.search.TrackedIndexRebuild=INFO",
                        "--logging.level.com.memberdirectory.query.replay.ReadModelRebuild=INFO"),
                java.time.Duration.ofMinutes(30))) {
            Api api = server.api();
            long expectedVersion = 10;
            while (true) {
                JsonNode member = api.get("/api/members/" + lastMember).body();
                if (member != null && member.has("version") && member.get("version").asLong() >= expectedVersion) {
                    break;
                }
                ServerProcess.sleep(250);
            }
            double catchUp = (System.nanoTime() - boot) / 1e9;
            BenchSupport.line(report, "start + projections caught up from nothing: %.1f s (%.0f events/s incl. start)", catchUp,
                    events / catchUp);

            changeListReads(report, api, data, lastMember);

            // -Dbench.readModels=audit,search rebuilds only those (default: each in turn, then all)
            List<String> readModels = List.of(System.getProperty("bench.readModels",
                    "members,audit,admins,departments,fields,imports,notifications,search,asof,changes,all").split(","));
            for (String readModel : readModels) {
                long replayStart = System.nanoTime();
                String replay = api.post("/api/admin/replays", Map.of("projection", readModel)).text("id");
                JsonNode done = BenchSupport.await(api, "/api/admin/replays/" + replay, "status", List.of("SUCCEEDED", "FAILED"),
                        3_600_000);
                double seconds = (System.nanoTime() - replayStart) / 1e9;
                long processed = Math.max(done.get("processedEvents").asLong(), done.get("searchIndexEvents").asLong());
                BenchSupport.line(report, "replay of %s: %s, %,d events, %,d documents, equal=%s, in %.1f s = %.0f events/s"
                                + " (live processors paused %,d ms)", readModel, done.get("status").asText(), processed,
                        done.get("documents").asLong(), done.get("equal").asText(), seconds, processed / seconds,
                        done.get("pausedMillis").asLong());
            }
        }
        BenchSupport.write(report, "bench-replay-" + events + ".txt");
    }

    /**
     * The change list at this size, once its index has caught up (the log says so; until then it is read from its
     * collection): pages at the start, middle and end, filters, one request at a time, {@value #READS} each.
     */
    private static void changeListReads(StringBuilder report, Api api, Path data, String member) throws Exception {
        long boot = System.nanoTime();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        while (!Files.readString(log).contains("index of the change list has caught up")) {
            api.get("/api/audit?size=1");
            ServerProcess.sleep(1_000);
        }
        BenchSupport.line(report, "index of the change list caught up %.1f s after the service was healthy",
                (System.nanoTime() - boot) / 1e9);
        long total = api.get("/api/audit?size=1").body().get("total").asLong();
        Map<String, String> questions = new java.util.LinkedHashMap<>();
        questions.put("first page of 50, newest first", "/api/audit?size=50");
        questions.put("middle page of 50 (page " + total / 100 + ")", "/api/audit?size=50&page=" + total / 100);
        questions.put("last page of 50", "/api/audit?size=50&page=" + (total - 1) / 50);
        questions.put("middle page of 50, oldest first", "/api/audit?size=50&order=asc&page=" + total / 100);
        questions.put("one member's changes", "/api/audit?size=50&memberId=" + member);
        questions.put("field=city, page 10", "/api/audit?size=50&field=city&page=10");
        questions.put("actor and source, page 100", "/api/audit?size=50&actor=bench&source=system&page=100");
        questions.put("count only (size=1)", "/api/audit?size=1");
        for (Map.Entry<String, String> question : questions.entrySet()) {
            long[] micros = new long[READS];
            long found = 0;
            for (int i = -5; i < READS; i++) {
                long begin = System.nanoTime();
                Api.Response answer = api.get(question.getValue());
                if (answer.status() != 200) {
                    throw new IllegalStateException(question.getValue() + ": " + answer.status() + " " + answer.body());
                }
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - begin) / 1_000;
                    found = answer.body().get("total").asLong();
                }
            }
            BenchSupport.line(report, "change list, %-45s %s; total %,d", question.getKey() + ":",
                    BenchSupport.percentiles(micros), found);
        }
    }

    private static final int READS = 40;

    /** Writes the events as the service would (same serializer settings, metadata); answers the last member id. */
    private static String writeEvents(Path data, int members, int events) throws Exception {
        return intoFreshStore(data, engine -> {
            DepartmentId department = new DepartmentId(UUID.randomUUID().toString());
            MetaData meta = MetaData.with("actor", "bench").and("source", "SYSTEM").and("correlationId", "bench");
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("Department", department.value(), 0,
                    new DepartmentCreated(department, "Bench", null, "Bench"), meta),
                    new GenericDomainEventMessage<>("Administrator", "bench-admin", 0, new AdminGranted("bench-admin",
                            Set.of(Permission.MEMBER_AND_DEPARTMENT), List.of(department)), meta)));
            int editsPerMember = events / members - 1;
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            String last = null;
            for (int m = 0; m < members; m++) {
                MemberId id = new MemberId(UUID.randomUUID().toString());
                last = id.value();
                batch.add(new GenericDomainEventMessage<>("Member", id.value(), 0, new MemberCreated(id, "Member " + m, null,
                        null, null, "u-" + m, "m" + m + "@example.com", null, null, false, Gender.UNSPECIFIED,
                        List.of(department), null, null, null, null, null, null, List.of(), LoginEmailType.WORK_EMAIL,
                        "m" + m + "@example.com"), meta));
                String city = null;
                for (int e = 1; e <= editsPerMember; e++) {
                    String next = "City " + e;
                    batch.add(new GenericDomainEventMessage<>("Member", id.value(), e, new CityChanged(id, city, next), meta));
                    city = next;
                }
                if (batch.size() >= 5_000) {
                    engine.appendEvents(batch);
                    batch.clear();
                }
            }
            engine.appendEvents(batch);
            return last;
        });
    }

    /** What is written into a fresh event store. */
    interface StoreWriter<T> {
        T write(JdbcEventStorageEngine engine) throws Exception;
    }

    /**
     * Creates the embedded event store of a fresh data folder and lets {@code writer} append to it, through an
     * engine with the service's serializer settings; the store is shut down cleanly afterwards.
     */
    static <T> T intoFreshStore(Path data, StoreWriter<T> writer) throws Exception {
        Path folder = data.resolve("events");
        Files.createDirectories(folder);
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:hsqldb:file:" + folder.toAbsolutePath().resolve("directory")
                    + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.lock_file=false;hsqldb.default_table_type=cached");
            dataSource.setUsername("SA");
            EmbeddedSchema.apply(new JdbcTemplate(dataSource));
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JsonMapper.builder().findAndAddModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new DataSourceConnectionProvider(dataSource))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(serializer).snapshotSerializer(serializer).dataType(byte[].class).build();
            // The log is synced once a second while the store is filled (not at each append: on a busy disk that
            // was most of the time), and at every commit again before the service opens it.
            new JdbcTemplate(dataSource).execute("SET FILES WRITE DELAY TRUE");
            T result = writer.write(engine);
            new JdbcTemplate(dataSource).execute("SET FILES WRITE DELAY FALSE");
            new JdbcTemplate(dataSource).execute("SHUTDOWN");
            return result;
        }
    }
}

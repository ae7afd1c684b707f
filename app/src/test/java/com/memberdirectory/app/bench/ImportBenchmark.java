package com.memberdirectory.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.command.importing.SheetRows;
import com.memberdirectory.eventstore.EmbeddedSchema;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue #6's benchmark: export N members, change every row, import the workbook back, on the embedded default
 * with the heap of {@code app/jvm.options} (or {@code -Dbench.heap=512m}); plus the floors measured in the same run —
 * parsing the workbook with POI alone, and appending the same number of events to the store alone. Then the undo of
 * that import (docs/undo.md), measured the same way: until the member list shows every member as before the import.
 */
@Tag("bench")
class ImportBenchmark {

    @Test
    void export_and_reimport_with_every_row_changed() throws Exception {
        int members = Integer.getInteger("bench.members", 20_000);
        Path root = Path.of("target", "bench", "import-" + members + "-" + System.currentTimeMillis());
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "Import benchmark, %,d members, %s", members, java.time.Instant.now());
        String heap = System.getProperty("bench.heap", "").isBlank() ? null : System.getProperty("bench.heap");
        BenchSupport.line(report, "service JVM: %s %s", String.join(" ", ServerProcess.jvmArguments()),
                heap == null ? "" : "-Xmx" + heap);
        try (ServerProcess server = new ServerProcess(root.resolve("data"), heap)) {
            Api api = server.api();
            List<String> ids = BenchSupport.createMembers(api, members, report);

            // Exports need a sign-in within the last 5 minutes; creating 200,000 members takes longer than that.
            api = server.api();
            long exportStart = System.nanoTime();
            Api.Response exportStarted = api.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD", "fileName", "all"));
            if (exportStarted.status() >= 300) {
                throw new IllegalStateException("export answered " + exportStarted.status() + " " + exportStarted.body());
            }
            String exportId = exportStarted.text("id");
            JsonNode export = BenchSupport.await(api, "/api/exports/" + exportId, "status", List.of("SUCCEEDED", "FAILED"), 600_000);
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            byte[] exported = api.get("/api/exports/" + exportId + "/file").raw();
            BenchSupport.line(report, "export: %,d rows in %.1f s = %.0f rows/s (%s, %.1f MB)", export.get("rowCount").asLong(),
                    exportSeconds, export.get("rowCount").asLong() / exportSeconds, export.get("status").asText(),
                    exported.length / 1e6);

            Path exportedFile = root.resolve("exported.xlsx");
            Files.write(exportedFile, exported);
            Path edited = root.resolve("edited.xlsx");
            String lastId = rewriteCities(exportedFile, edited);

            long parseStart = System.nanoTime();
            long[] parsed = {0};
            SheetRows.rows(edited, (row, cells) -> parsed[0]++);
            double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
            BenchSupport.line(report, "floor, parse only (POI streaming): %,d rows in %.1f s", parsed[0], parseSeconds);

            HeapPeak importHeap = new HeapPeak(server);
            double cpuStart = server.cpuSeconds();
            String lastCityBefore = api.get("/api/members/" + lastId).text("city");
            long importStart = System.nanoTime();
            Api.Response queued = api.upload("/api/imports", "edited.xlsx", Files.readAllBytes(edited));
            if (queued.status() != 202) {
                throw new IllegalStateException("upload answered " + queued.status() + " " + queued.body());
            }
            JsonNode done = BenchSupport.await(api, "/api/imports/" + queued.text("id"), "status",
                    List.of("SUCCEEDED", "PARTIALLY_FAILED", "FAILED"), 1_800_000);
            double importSeconds = (System.nanoTime() - importStart) / 1e9;
            while (!("City " + lastId).equals(api.get("/api/members/" + lastId).text("city"))) {
                ServerProcess.sleep(50);
            }
            double visibleSeconds = (System.nanoTime() - importStart) / 1e9;
            double importCpu = server.cpuSeconds() - cpuStart;
            int cores = Runtime.getRuntime().availableProcessors();
            String importPeak = importHeap.stop();
            BenchSupport.line(report, "import: %s, %,d changed, %,d failed; finished after %.1f s, member list shows every change "
                            + "after %.1f s = %.0f rows/s end to end; %s",
                    done.get("status").asText(), done.get("changedRows").asLong(), done.get("failedRows").asLong(),
                    importSeconds, visibleSeconds, members / visibleSeconds, importPeak);
            BenchSupport.line(report, "server CPU during the import: %.1f s (%.2f ms per row, %.0f%% of %d cores)",
                    importCpu, importCpu * 1000 / members, 100 * importCpu / visibleSeconds / cores, cores);
            HeapPeak undoHeap = new HeapPeak(server);
            double undoCpuStart = server.cpuSeconds();
            double undoSeconds = undo(api, done.get("id").asText(), lastId, lastCityBefore, members, report);
            double undoCpu = server.cpuSeconds() - undoCpuStart;
            BenchSupport.line(report, "undo: %s; server CPU %.1f s (%.2f ms per member, %.0f%% of %d cores)",
                    undoHeap.stop(), undoCpu, undoCpu * 1000 / members, 100 * undoCpu / undoSeconds / cores, cores);
            BenchSupport.line(report, "undo / import (end to end): %.2fx the import's time", undoSeconds / visibleSeconds);
            double appendSeconds = appendFloor(root.resolve("floor"), members);
            BenchSupport.line(report, "floor, append only (%,d events, one transaction each): %.1f s = %.0f events/s", members,
                    appendSeconds, members / appendSeconds);
            BenchSupport.line(report, "import / floor (parse + append): %.1fx", visibleSeconds / (parseSeconds + appendSeconds));
            if (ids.isEmpty()) {
                throw new IllegalStateException("no members");
            }
        }
        BenchSupport.write(report, "bench-import-" + members + ".txt");
    }

    /**
     * The most heap the service used from its start until {@link #stop}, and the most its old generation held after a
     * collection (what a phase keeps, not the garbage it makes), sampled every 250 ms.
     */
    private static final class HeapPeak {

        private final AtomicBoolean sampling = new AtomicBoolean(true);
        private final AtomicReference<Double> peak = new AtomicReference<>(0.0);
        private final AtomicReference<Double> live = new AtomicReference<>(0.0);
        private final Thread sampler;

        HeapPeak(ServerProcess server) {
            sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(server.heapUsedMb(), Math::max);
                    Api.Response gc = server.api().get("/actuator/metrics/jvm.gc.live.data.size");
                    if (gc.body() != null) {
                        live.accumulateAndGet(gc.body().at("/measurements/0/value").asDouble() / (1024 * 1024), Math::max);
                    }
                    ServerProcess.sleep(250);
                }
            });
            sampler.start();
        }

        /** Stops sampling; answers the text for the benchmark's line. */
        String stop() throws InterruptedException {
            sampling.set(false);
            sampler.join();
            return String.format("peak heap %.0f MB (old generation after a collection at most %.0f MB)", peak.get(),
                    live.get());
        }
    }

    /**
     * Undoes the import just measured (docs/undo.md): from the request until the member list shows the last member's
     * city as it was before the import. Answers the seconds that took.
     */
    private static double undo(Api api, String importId, String lastId, String lastCityBefore, int members,
                               StringBuilder report) {
        long start = System.nanoTime();
        Api.Response queued = api.post("/api/imports/" + importId + "/undo", Map.of());
        if (queued.status() != 202) {
            throw new IllegalStateException("undo answered " + queued.status() + " " + queued.body());
        }
        JsonNode done = BenchSupport.await(api, "/api/imports/" + queued.text("id"), "status",
                List.of("SUCCEEDED", "PARTIALLY_FAILED", "FAILED"), 1_800_000);
        double finished = (System.nanoTime() - start) / 1e9;
        while (!java.util.Objects.equals(lastCityBefore, api.get("/api/members/" + lastId).text("city"))) {
            ServerProcess.sleep(50);
        }
        double visible = (System.nanoTime() - start) / 1e9;
        BenchSupport.line(report, "undo: %s, %,d set back, %,d conflicts; finished after %.1f s, member list shows every "
                        + "change after %.1f s = %.0f rows/s end to end", done.get("status").asText(),
                done.get("changedRows").asLong(), done.get("failedRows").asLong(), finished, visible, members / visible);
        return visible;
    }

    /** The exported workbook with every member's city changed, written with SXSSF; answers the last member id. */
    private static String rewriteCities(Path exported, Path edited) throws Exception {
        List<String> header = SheetRows.header(exported);
        int city = header.indexOf("City");
        int memberId = header.indexOf("Member ID");
        String[] last = {null};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(edited)) {
            Sheet sheet = workbook.createSheet("Members");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int[] rows = {1};
            SheetRows.rows(exported, (number, cells) -> {
                List<String> values = new ArrayList<>(cells);
                while (values.size() <= city) {
                    values.add("");
                }
                values.set(city, "City " + values.get(memberId));
                last[0] = values.get(memberId);
                Row row = sheet.createRow(rows[0]++);
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
        return last[0];
    }

    /** Appends {@code count} events to a fresh embedded store, one transaction each, as fast as one thread can. */
    private static double appendFloor(Path folder, int count) throws Exception {
        Files.createDirectories(folder);
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:hsqldb:file:" + folder.toAbsolutePath().resolve("directory")
                    + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.lock_file=false;hsqldb.default_table_type=cached");
            dataSource.setUsername("SA");
            EmbeddedSchema.apply(new JdbcTemplate(dataSource));
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new DataSourceConnectionProvider(dataSource))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(serializer).snapshotSerializer(serializer).dataType(byte[].class).build();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                MemberId member = new MemberId(UUID.randomUUID().toString());
                engine.appendEvents(new GenericDomainEventMessage<>("Member", member.value(), 0,
                        new CityChanged(member, null, "City " + i)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            new JdbcTemplate(dataSource).execute("SHUTDOWN");
            return seconds;
        }
    }
}
